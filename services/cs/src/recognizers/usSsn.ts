import { PatternRecognizer } from './PatternRecognizer.js';
import { repeatedDigits } from './checksums.js';

// Numbers the SSA never issues, or that are published examples (Woolworth's wallet card, ads).
const KNOWN_INVALID = new Set(['078051120', '219099999', '123456789']);

/** SSA rules: area 001-899 except 666, group 01-99, serial 0001-9999. */
export function ssnValid(match: string): boolean {
  const d = match.replace(/\D/g, '');
  if (d.length !== 9 || repeatedDigits(d) || KNOWN_INVALID.has(d)) return false;
  const area = Number(d.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/** US Social Security Number. */
export const usSsnRecognizer = new PatternRecognizer({
  name: 'UsSsnRecognizer',
  entityType: 'US_SSN',
  patterns: [
    { name: 'ssn dashed', regex: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/, score: 0.5 },
    { name: 'ssn spaced', regex: /(?<!\d ?)\d{3} \d{2} \d{4}(?! ?\d)/, score: 0.3 },
    { name: 'ssn plain', regex: /(?<![\d-])\d{9}(?![\d-])/, score: 0.2 },
  ],
  context: ['ssn', 'ssns', 'social security', 'soc sec', 'soc. sec', 'social', 'security number', 'taxpayer'],
  validate: ssnValid,
});
