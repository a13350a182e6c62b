import { PatternRecognizer } from './PatternRecognizer.js';
import { ibanMod97Valid } from './checksums.js';

// Lengths of the IBAN for common countries (ISO 13616 registry); unknown countries are rejected.
const LENGTH: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22,
  GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15,
  PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, AE: 23, SA: 24, IL: 23, BR: 29, MX: 18,
};

export function ibanValid(match: string): boolean {
  const s = match.replace(/\s/g, '').toUpperCase();
  return LENGTH[s.slice(0, 2)] === s.length && ibanMod97Valid(s);
}

/** International Bank Account Number, checked by country length and mod 97. */
export const ibanRecognizer = new PatternRecognizer({
  name: 'IbanRecognizer',
  entityType: 'IBAN',
  patterns: [
    { name: 'iban compact', regex: /\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b/, score: 0.5 },
    { name: 'iban grouped', regex: /\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b/, score: 0.5 },
  ],
  context: ['iban', 'bank', 'account', 'swift', 'bic'],
  validate: ibanValid,
  validatedScore: 0.95,
});
