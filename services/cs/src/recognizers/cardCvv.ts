import { PatternRecognizer } from './PatternRecognizer.js';

/** Card verification codes: three or four digits right after a CVV/CVC keyword. */
export const cardCvvRecognizer = new PatternRecognizer({
  name: 'CardCvvRecognizer',
  entityType: 'CARD_CVV',
  patterns: [{ name: 'cvv', regex: /(?<![\w.,-])\d{3,4}(?![\w.,/-])/, score: 0.2 }],
  context: ['cvv', 'cvv2', 'cvc', 'cvc2', 'cid', 'csc', 'security code', 'card verification', 'verification code'],
  contextWindow: { lines: 0, maxChars: 24, after: 0 },
  contextBoost: 0.5,
  requireContext: true,
});
