import { PatternRecognizer } from '../PatternRecognizer.js';

const WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10];

/** Australian Tax File Number: nine digits whose weighted sum is a multiple of 11. */
export function tfnValid(match: string): boolean {
  const d = match.replace(/\D/g, '');
  return d.length === 9 && [...d].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0) % 11 === 0;
}

/** Australian TFN; keyword required (nine digits pass the check one time in eleven). */
export const auTfnRecognizer = new PatternRecognizer({
  name: 'AuTfnRecognizer',
  entityType: 'AU_TFN',
  patterns: [{ name: 'tfn', regex: /(?<![\d-])\d{3} ?\d{3} ?\d{3}(?![\d-])/, score: 0.3 }],
  context: ['tfn', 'tax file number', 'tax file'],
  contextBoost: 0.5,
  requireContext: true,
  validate: tfnValid,
});
