import { PatternRecognizer } from './PatternRecognizer.js';

/** US passport numbers: nine digits, or a letter and eight digits (next-generation books); keyword required. */
export const usPassportRecognizer = new PatternRecognizer({
  name: 'UsPassportRecognizer',
  entityType: 'US_PASSPORT',
  patterns: [
    { name: 'passport digits', regex: /(?<![\w-])\d{9}(?![\w-])/, score: 0.2 },
    { name: 'passport letter', regex: /\b[A-Z]\d{8}\b/, score: 0.3 },
  ],
  context: ['passport', 'passport no', 'passport number', 'passport#'],
  contextWindow: { lines: 1, maxChars: 70, after: 0 },
  contextBoost: 0.55,
  requireContext: true,
});
