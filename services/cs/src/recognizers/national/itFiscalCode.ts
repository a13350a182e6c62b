import { PatternRecognizer } from '../PatternRecognizer.js';

const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/** Codice fiscale check character: odd and even positions weighted, sum mod 26. */
export function codiceFiscaleValid(match: string): boolean {
  const s = match.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const c = s[i]!;
    const n = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? ODD[n]! : n;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}

/** Italian codice fiscale (16 characters: surname, name, birth date and place, check letter). */
export const itFiscalCodeRecognizer = new PatternRecognizer({
  name: 'ItFiscalCodeRecognizer',
  entityType: 'IT_FISCAL_CODE',
  patterns: [{ name: 'codice fiscale', regex: /\b[A-Za-z]{6}\d{2}[ABCDEHLMPRSTabcdehlmprst]\d{2}[A-Za-z]\d{3}[A-Za-z]\b/, score: 0.6 }],
  context: ['codice fiscale', 'cf', 'c.f.', 'fiscal code', 'tax code'],
  validate: codiceFiscaleValid,
  validatedScore: 0.85,
});
