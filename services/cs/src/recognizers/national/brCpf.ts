import { PatternRecognizer } from '../PatternRecognizer.js';
import { repeatedDigits } from '../checksums.js';

/** CPF: two check digits, each 11 minus a weighted sum mod 11 (10 and 11 become 0). */
export function cpfValid(match: string): boolean {
  const d = match.replace(/\D/g, '').split('').map(Number);
  if (d.length !== 11 || repeatedDigits(match)) return false;
  const check = (n: number) => {
    const sum = d.slice(0, n).reduce((s, x, i) => s + x * (n + 1 - i), 0);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === d[9] && check(10) === d[10];
}

/** Brazilian individual taxpayer number (CPF), `123.456.789-09` or with a keyword as eleven digits. */
export const brCpfRecognizer = new PatternRecognizer({
  name: 'BrCpfRecognizer',
  entityType: 'BR_CPF',
  patterns: [
    { name: 'cpf formatted', regex: /(?<![\d.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d.-])/, score: 0.8 },
    { name: 'cpf plain', regex: /(?<![\d.-])\d{11}(?![\d.-])/, score: 0.3 },
  ],
  context: ['cpf', 'cadastro de pessoas', 'contribuinte'],
  validate: cpfValid,
});
