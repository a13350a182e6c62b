import { PatternRecognizer } from './PatternRecognizer.js';
import { luhnValid, repeatedDigits } from './checksums.js';

/** Payment card numbers: issuer prefix, 13-19 digits, Luhn checksum. */
export const creditCardRecognizer = new PatternRecognizer({
  name: 'CreditCardRecognizer',
  entityType: 'CREDIT_CARD',
  patterns: [
    { name: 'card 4x4', regex: /(?<![\d-])[2-6]\d{3}([ -]?)\d{4}\1\d{4}\1\d{1,4}(?![\d-])/, score: 0.3 },
    { name: 'card amex', regex: /(?<![\d-])3[47]\d{2}([ -]?)\d{6}\1\d{5}(?![\d-])/, score: 0.3 },
    { name: 'card plain', regex: /(?<![\d-])[2-6]\d{12,18}(?![\d-])/, score: 0.3 },
  ],
  context: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'discover', 'cc'],
  validate: (m) => luhnValid(m) && !repeatedDigits(m),
  validatedScore: 0.9,
});
