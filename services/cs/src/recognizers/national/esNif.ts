import { PatternRecognizer } from '../PatternRecognizer.js';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): the letter is the number mod 23. */
export function nifValid(match: string): boolean {
  const s = match.replace(/[\s-]/g, '').toUpperCase();
  const digits = s.replace(/^[XYZ]/, (c) => String('XYZ'.indexOf(c))).slice(0, 8);
  return /^\d{8}$/.test(digits) && LETTERS[Number(digits) % 23] === s[s.length - 1];
}

/** Spanish personal tax numbers: DNI and NIE with their control letter. */
export const esNifRecognizer = new PatternRecognizer({
  name: 'EsNifRecognizer',
  entityType: 'ES_NIF',
  patterns: [
    { name: 'dni', regex: /(?<![\w-])\d{8}-?[A-Za-z](?![\w-])/, score: 0.5 },
    { name: 'nie', regex: /(?<![\w-])[XYZxyz]-?\d{7}-?[A-Za-z](?![\w-])/, score: 0.5 },
  ],
  context: ['dni', 'nie', 'nif', 'documento nacional', 'identidad', 'extranjero'],
  validate: nifValid,
  validatedScore: 0.75,
});
