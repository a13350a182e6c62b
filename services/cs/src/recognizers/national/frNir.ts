import { PatternRecognizer } from '../PatternRecognizer.js';

/** The NIR's key: 97 minus the 13-digit number mod 97 (Corsica's 2A/2B count as 19/18). */
export function nirValid(match: string): boolean {
  const s = match.replace(/\s/g, '').toUpperCase();
  if (s.length !== 15) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  return 97 - Number(BigInt(body) % 97n) === Number(s.slice(13));
}

/** French social security number (NIR, numéro de sécurité sociale) with its two-digit key. */
export const frNirRecognizer = new PatternRecognizer({
  name: 'FrNirRecognizer',
  entityType: 'FR_NIR',
  patterns: [{ name: 'nir', regex: /(?<![\w-])[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}(?![\w-])/, score: 0.5 }],
  context: ['sécurité sociale', 'securite sociale', 'nir', 'insee', 'numéro de sécu', 'social security'],
  validate: nirValid,
  validatedScore: 0.8,
});
