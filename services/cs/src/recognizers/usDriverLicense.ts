import { PatternRecognizer } from './PatternRecognizer.js';

/** US driver licence numbers by state layout (many are generic digit runs, so only next to a licence keyword). */
export const usDriverLicenseRecognizer = new PatternRecognizer({
  name: 'UsDriverLicenseRecognizer',
  entityType: 'US_DRIVER_LICENSE',
  patterns: [
    { name: 'letter digits', regex: /\b[A-Z]\d{6,14}\b/, score: 0.3 },
    { name: 'digits', regex: /(?<![\w-])\d{7,9}(?![\w-])/, score: 0.2 },
    { name: 'ny spaced', regex: /(?<!\d ?)\d{3} \d{3} \d{3}(?! ?\d)/, score: 0.2 },
    // state layouts the generic shapes miss (AAMVA DL/ID standard, state DMV samples)
    { name: 'il/wi dashed', regex: /\b[A-Z]\d{3}-\d{4}-\d{4}(?:-\d{2})?\b/, score: 0.3 },
    { name: 'md dashed', regex: /\b[A-Z]-\d{3}-\d{3}-\d{3}-\d{3}\b/, score: 0.3 },
    { name: 'nj spaced', regex: /\b[A-Z]\d{4} \d{5} \d{5}\b/, score: 0.3 },
    { name: 'wa name code', regex: /\b(?=[A-Z*]{7}\d{3}[A-Z\d]{2}\b)(?=[A-Z*\d]*\d)[A-Z*]{7}\d{3}[A-Z\d]{2}\b/, score: 0.3 },
    { name: 'two letters digits', regex: /\b[A-Z]{2}\d{5,7}\b/, score: 0.25 },
    { name: 'digits letters', regex: /\b\d{7,8}[A-Z]{1,2}\b/, score: 0.25 },
    { name: 'fl dashed', regex: /\b[A-Z]\d{3}-\d{3}-\d{2}-\d{3}-\d\b/, score: 0.3 },
  ],
  context: ['driver', "driver's", 'drivers', 'license', 'licence', 'dl', 'dln', 'dl#', 'lic', 'lic.', 'lic#', 'driving', 'permis', 'führerschein'],
  contextWindow: { lines: 1, maxChars: 60, after: 0 },
  contextBoost: 0.5,
  requireContext: true,
});
