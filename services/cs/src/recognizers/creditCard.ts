import { PatternRecognizer } from './PatternRecognizer.js';
import { luhnValid, repeatedDigits } from './checksums.js';

// Issuer identification ranges (prefix, allowed lengths): Visa, Mastercard (incl. 2-series), Amex,
// Discover, Diners, JCB (incl. 15-digit 1800/2131), UnionPay, Maestro (12-19), Mir, RuPay, UATP, Verve.
const ISSUERS: [RegExp, number[]][] = [
  [/^4/, [13, 16, 19]],
  [/^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, [16]],
  [/^3[47]/, [15]],
  [/^(?:6011|64[4-9]|65)/, [16, 19]],
  [/^(?:30[0-5]|309|36|3[89])/, [14, 16, 19]],
  [/^(?:35(?:2[89]|[3-8]\d))/, [16, 19]],
  [/^(?:1800|2131)/, [15]],
  [/^62/, [16, 17, 18, 19]],
  [/^(?:50[0-9]|5[6-9]|6\d)/, [12, 13, 14, 15, 16, 17, 18, 19]],
  [/^220[0-4]/, [16, 17, 18, 19]],
  [/^(?:60|65|81|82|508)/, [16]],
  [/^1/, [15]],
];

/** True when the digits fall in a card issuer's range with one of its lengths. */
export function issuerMatches(value: string): boolean {
  const d = value.replace(/\D/g, '');
  return ISSUERS.some(([prefix, lengths]) => prefix.test(d) && lengths.includes(d.length));
}

/**
 * Payment card numbers: issuer range and length, then Luhn. 16-19 digits score high on their own;
 * 12-15 digits (Maestro, JCB-15, Amex without grouping) pass the checksum too often by chance, so they
 * count only next to a card keyword.
 */
export const creditCardRecognizer = new PatternRecognizer({
  name: 'CreditCardRecognizer',
  entityType: 'CREDIT_CARD',
  patterns: [
    { name: 'card 4x4', regex: /(?<![\d-])\d{4}([ -])\d{4}\1\d{4}\1\d{4,7}(?![\d-])/, score: 0.9 },
    { name: 'card amex', regex: /(?<![\d-])3[47]\d{2}([ -]?)\d{6}\1\d{5}(?![\d-])/, score: 0.9 },
    { name: 'card plain long', regex: /(?<![\d-])\d{16,19}(?![\d-])/, score: 0.9 },
    { name: 'card short', regex: /(?<![\d-])\d{12,15}(?![\d-])/, score: 0.3 },
    { name: 'card short grouped', regex: /(?<![\d-])\d{4}([ -])\d{4}\1\d{4}(?:\1\d{1,3})?(?![\d-])/, score: 0.3 },
  ],
  context: ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'american express', 'discover', 'maestro', 'jcb', 'diners',
    'unionpay', 'cc', 'pan', 'card number', 'card no'],
  contextBoost: 0.45,
  validate: (m) => luhnValid(m) && !repeatedDigits(m) && issuerMatches(m),
});
