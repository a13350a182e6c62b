import { PatternRecognizer } from './PatternRecognizer.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;

/** A real calendar date between 1900 and today, in any of the supported layouts (day-first when the first number is over 12). */
export function plausibleBirthDate(match: string, today = new Date()): boolean {
  const parts = parse(match.replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1'), today);
  if (!parts) return false;
  const [y, m, d] = parts;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && date <= today;
}

function parse(s: string, today: Date): [number, number, number] | null {
  let g = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (g) return [Number(g[1]), Number(g[2]), Number(g[3])];
  g = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (g) {
    const [a, b] = [Number(g[1]), Number(g[2])];
    return [fullYear(g[3]!, today), a > 12 ? b : a, a > 12 ? a : b];
  }
  g = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (g) return [Number(g[3]), MONTHS.indexOf(g[1]!.slice(0, 3).toLowerCase()) + 1, Number(g[2])];
  g = /^(\d{1,2})(?: of)? ([A-Za-z]+)\.?,? (\d{4})$/.exec(s);
  if (g) return [Number(g[3]), MONTHS.indexOf(g[2]!.slice(0, 3).toLowerCase()) + 1, Number(g[1])];
  return null;
}

/** Two-digit years of a birth date: the latest year not after today (82 -> 1982, 05 -> 2005). */
function fullYear(y: string, today: Date): number {
  if (y.length === 4) return Number(y);
  const now = today.getUTCFullYear();
  const candidate = 2000 + Number(y);
  return candidate > now ? candidate - 100 : candidate;
}

// A date right after a comparison is a cut-off in a rule (`born before January 2, 1960`, `born on or after`,
// `born between`), which instructions and eligibility rules are full of; a filled value follows a label.
const CUT_OFF = /(?:\b(?:before|after|prior to|until|till|since|between|than|by|through)|\bbetween\b[^\n]{1,40}\band)\s*$/i;

/** Dates of birth: any date counts only next to a birth keyword; the date must be a real past date. */
export const dateOfBirthRecognizer = new PatternRecognizer({
  name: 'DateOfBirthRecognizer',
  entityType: 'DATE_OF_BIRTH',
  patterns: [
    { name: 'date numeric', regex: /(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-])/, score: 0.3 },
    { name: 'date iso', regex: /(?<![\d/.-])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d/.-])/, score: 0.3 },
    { name: 'date month name', regex: new RegExp(String.raw`\b${MONTH_RE} ${DAY},? \d{4}\b`), score: 0.3 },
    { name: 'date day month', regex: new RegExp(String.raw`\b${DAY}(?: of)? ${MONTH_RE},? \d{4}\b`), score: 0.3 },
  ],
  context: ['birth', 'dob', 'd.o.b', 'd.o.b.', 'born', 'birthday', 'birthdate', 'date of birth', 'geboren', 'geburtsdatum', 'né', 'née',
    'naissance', 'nacimiento', 'nascimento', 'nato', 'nata', 'fecha de nac'],
  contextWindow: { lines: 1, maxChars: 60, after: 0 },
  contextBoost: 0.55,
  requireContext: true,
  validate: (m) => plausibleBirthDate(m),
  reject: (text, start) => CUT_OFF.test(text.slice(Math.max(0, start - 64), start)),
});
