import { PatternRecognizer } from './PatternRecognizer.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

/** A real calendar date between 1900 and today, in any of the supported layouts. */
export function plausibleBirthDate(match: string, today = new Date()): boolean {
  const parts = parse(match);
  if (!parts) return false;
  const [y, m, d] = parts;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1900 && date <= today;
}

function parse(s: string): [number, number, number] | null {
  let g = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (g) return [Number(g[1]), Number(g[2]), Number(g[3])];
  g = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (g) return [Number(g[3]), Number(g[1]), Number(g[2])];
  g = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (g) return [Number(g[3]), MONTHS.indexOf(g[1]!.slice(0, 3).toLowerCase()) + 1, Number(g[2])];
  g = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(s);
  if (g) return [Number(g[3]), MONTHS.indexOf(g[2]!.slice(0, 3).toLowerCase()) + 1, Number(g[1])];
  return null;
}

/** Dates of birth: any date counts only next to a birth keyword; the date must be a real past date. */
export const dateOfBirthRecognizer = new PatternRecognizer({
  name: 'DateOfBirthRecognizer',
  entityType: 'DATE_OF_BIRTH',
  patterns: [
    { name: 'date numeric', regex: /(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?![\d/.-])/, score: 0.3 },
    { name: 'date iso', regex: /(?<![\d-])\d{4}-\d{1,2}-\d{1,2}(?![\d-])/, score: 0.3 },
    { name: 'date month name', regex: new RegExp(String.raw`\b${MONTH_RE} \d{1,2},? \d{4}\b`), score: 0.3 },
    { name: 'date day month', regex: new RegExp(String.raw`\b\d{1,2} ${MONTH_RE} \d{4}\b`), score: 0.3 },
  ],
  context: ['birth', 'dob', 'd.o.b', 'born', 'birthday', 'birthdate'],
  contextWindow: { lines: 1, maxChars: 60, after: 0 },
  contextBoost: 0.55,
  requireContext: true,
  validate: (m) => plausibleBirthDate(m),
});
