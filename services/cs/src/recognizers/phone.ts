import { PatternRecognizer } from './PatternRecognizer.js';

// Toll-free numbers belong to businesses (customer service lines), not to people.
const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

export function phoneValid(match: string): boolean {
  const digits = match.replace(/\D/g, '');
  if (match.trim().startsWith('+') && !match.trim().startsWith('+1')) return digits.length >= 8 && digits.length <= 15;
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length === 10 && !TOLL_FREE.has(national.slice(0, 3));
}

/** Telephone numbers: North American formats and international numbers written with a `+` prefix. */
export const phoneRecognizer = new PatternRecognizer({
  name: 'PhoneRecognizer',
  entityType: 'PHONE',
  patterns: [
    { name: 'nanp formatted', regex: /(?<![\w-])(?:\+?1[ .-])?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?![\w-])/, score: 0.5 },
    { name: 'nanp plain', regex: /(?<![\w-])1?[2-9]\d{2}[2-9]\d{6}(?![\w-])/, score: 0.2 },
    { name: 'international', regex: /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,5}\)?){2,5}(?![\w-])/, score: 0.5 },
  ],
  context: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'contact', 'reached', 'call'],
  validate: phoneValid,
});
