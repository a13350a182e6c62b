import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { PatternRecognizer } from './PatternRecognizer.js';

/** Country, length, BBAN structure and mod 97 through ibantools; any letter case and grouping. */
export function ibanValid(match: string): boolean {
  const iban = electronicFormatIBAN(match.toUpperCase());
  return iban !== null && isValidIBAN(iban);
}

/** International Bank Account Number (ISO 13616), upper or lower case, compact or in groups of four. */
export const ibanRecognizer = new PatternRecognizer({
  name: 'IbanRecognizer',
  entityType: 'IBAN',
  patterns: [
    { name: 'iban compact', regex: /\b[A-Za-z]{2}\d{2}[A-Za-z0-9]{11,30}\b/, score: 0.5 },
    { name: 'iban grouped', regex: /\b[A-Za-z]{2}\d{2}(?:[ -][A-Za-z0-9]{4}){2,7}(?:[ -][A-Za-z0-9]{1,3})?\b/, score: 0.5 },
  ],
  context: ['iban', 'bank', 'account', 'swift', 'bic'],
  validate: ibanValid,
  validatedScore: 0.95,
});
