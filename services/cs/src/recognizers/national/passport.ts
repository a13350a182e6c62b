import { PatternRecognizer } from '../PatternRecognizer.js';

/**
 * Passport numbers outside the US formats: 6-9 letters and digits with at least one digit (UK and
 * India `K1234567`, Canada `AB123456`, Germany `C01X00T47`, France `12AB34567`). Only next to a
 * passport keyword; the US formats stay with UsPassportRecognizer.
 */
export const passportRecognizer = new PatternRecognizer({
  name: 'PassportRecognizer',
  entityType: 'PASSPORT',
  patterns: [{ name: 'passport alphanumeric', regex: /\b(?=[A-Z0-9]*\d)[A-Z0-9]{6,9}\b/, score: 0.2 }],
  context: ['passport', 'passport no', 'passport number', 'passport#', 'reisepass', 'passeport', 'pasaporte', 'passaporto'],
  contextWindow: { lines: 1, maxChars: 50, after: 0 },
  contextBoost: 0.5,
  requireContext: true,
});
