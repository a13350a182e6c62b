import { PatternRecognizer } from './PatternRecognizer.js';
import { repeatedDigits } from './checksums.js';

/**
 * Bank account numbers have no checksum or fixed length in the US, so a run of 8-17 digits only
 * counts near an account keyword. Table headers count: the window reaches six lines up.
 */
export const bankAccountRecognizer = new PatternRecognizer({
  name: 'BankAccountRecognizer',
  entityType: 'BANK_ACCOUNT',
  patterns: [
    { name: 'account digits', regex: /(?<![\d-])\d{8,17}(?![\d-])/, score: 0.2 },
    { name: 'account grouped', regex: /(?<![\d-])\d{4}[- ]\d{4,13}(?![\d-])/, score: 0.2 },
  ],
  context: ['account', 'acct', 'a/c', 'account no', 'account number', 'checking', 'savings', 'deposit', 'deposited'],
  contextWindow: { lines: 6, maxChars: 500, after: 0 },
  contextBoost: 0.5,
  requireContext: true,
  validate: (m) => !repeatedDigits(m),
});
