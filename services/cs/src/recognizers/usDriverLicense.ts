import { PatternRecognizer } from './PatternRecognizer.js';

/** US driver licence numbers (state formats differ widely, so only next to a licence keyword). */
export const usDriverLicenseRecognizer = new PatternRecognizer({
  name: 'UsDriverLicenseRecognizer',
  entityType: 'US_DRIVER_LICENSE',
  patterns: [
    { name: 'letter digits', regex: /\b[A-Z]\d{6,14}\b/, score: 0.3 },
    { name: 'digits', regex: /(?<![\w-])\d{7,9}(?![\w-])/, score: 0.2 },
    { name: 'ny spaced', regex: /(?<!\d ?)\d{3} \d{3} \d{3}(?! ?\d)/, score: 0.2 },
    { name: 'fl dashed', regex: /\b[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d\b/, score: 0.3 },
  ],
  context: ['driver', "driver's", 'drivers', 'license', 'licence', 'dl', 'dln', 'dl#', 'lic'],
  contextWindow: { lines: 1, maxChars: 60, after: 0 },
  contextBoost: 0.5,
  requireContext: true,
});
