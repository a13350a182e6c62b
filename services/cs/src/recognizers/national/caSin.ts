import { PatternRecognizer } from '../PatternRecognizer.js';
import { luhnValid, repeatedDigits } from '../checksums.js';

/** Canadian Social Insurance Number: nine digits, Luhn, first digit not 0 or 8; keyword required (3-3-3 is also a licence layout). */
export const caSinRecognizer = new PatternRecognizer({
  name: 'CaSinRecognizer',
  entityType: 'CA_SIN',
  patterns: [
    { name: 'sin grouped', regex: /(?<![\d-])[1-79]\d{2}([ -])\d{3}\1\d{3}(?![\d-])/, score: 0.4 },
    { name: 'sin plain', regex: /(?<![\d-])[1-79]\d{8}(?![\d-])/, score: 0.3 },
  ],
  context: ['sin', 'social insurance', 'social insurance number', 'nas', "numéro d'assurance sociale", 'assurance sociale'],
  requireContext: true,
  validate: (m) => luhnValid(m) && !repeatedDigits(m),
});
