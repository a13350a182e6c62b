import { PatternRecognizer } from '../PatternRecognizer.js';
import { repeatedDigits, verhoeffValid } from '../checksums.js';

/** Indian Aadhaar number: 12 digits, not starting 0 or 1, Verhoeff check digit. */
export const inAadhaarRecognizer = new PatternRecognizer({
  name: 'InAadhaarRecognizer',
  entityType: 'IN_AADHAAR',
  patterns: [
    { name: 'aadhaar grouped', regex: /(?<![\d-])[2-9]\d{3}([ -])\d{4}\1\d{4}(?![\d-])/, score: 0.4 },
    { name: 'aadhaar plain', regex: /(?<![\d-])[2-9]\d{11}(?![\d-])/, score: 0.3 },
  ],
  context: ['aadhaar', 'aadhar', 'uidai', 'uid'],
  contextBoost: 0.45,
  validate: (m) => verhoeffValid(m) && !repeatedDigits(m),
});
