import { PatternRecognizer } from './PatternRecognizer.js';

/** A month/year that can be on a card (month 01-12); only next to an expiry keyword. */
export function expiryValid(match: string): boolean {
  const m = /^(\d{1,2})\s?[/-]\s?(\d{2}|\d{4})$/.exec(match);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 12 && (m[2]!.length === 2 || Number(m[2]) >= 1990);
}

/** Card expiry dates (`exp 09/27`, `valid thru 11/2026`). */
export const cardExpiryRecognizer = new PatternRecognizer({
  name: 'CardExpiryRecognizer',
  entityType: 'CARD_EXPIRY',
  patterns: [{ name: 'mm/yy', regex: /(?<![\d/.-])\d{1,2}\s?[/-]\s?(?:\d{4}|\d{2})(?![\d/.-])/, score: 0.2 }],
  context: ['exp', 'exp.', 'expiry', 'expires', 'expiration', 'expiration date', 'valid thru', 'valid through', 'good thru', 'mm/yy', 'ablauf', 'vence'],
  contextWindow: { lines: 1, maxChars: 40, after: 0 },
  contextBoost: 0.5,
  requireContext: true,
  validate: expiryValid,
});
