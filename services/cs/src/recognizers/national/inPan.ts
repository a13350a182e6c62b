import { PatternRecognizer } from '../PatternRecognizer.js';

/** Indian PAN: five letters (the fourth the holder type: P for a person), four digits, a letter. */
export const inPanRecognizer = new PatternRecognizer({
  name: 'InPanRecognizer',
  entityType: 'IN_PAN',
  patterns: [{ name: 'pan', regex: /\b[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]\b/, score: 0.45 }],
  context: ['pan', 'permanent account number', 'pan card', 'income tax'],
});
