const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,4})\/(\d{1,2})\/(\d{1,4})(?:\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*(AM|PM)?)?$/i;

/**
 * Epoch milliseconds of a timestamp in any format Amazon Fraud Detector accepts for EVENT_TIMESTAMP
 * and LABEL_TIMESTAMP (ISO 8601; yyyy/mm/dd, mm/dd/yyyy or mm/dd/yy with optional hh:mm[:ss] and
 * AM/PM), plus `yyyy-mm-dd hh:mm:ss` and epoch seconds or milliseconds. Without a zone a time is UTC,
 * as in AFD. NaN when it is none of these.
 */
export function parseTimestamp(value: string): number {
  const fast = canonicalIso(value);
  if (fast !== undefined) return fast;
  const v = value.trim();
  let m = ISO.exec(v);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac, zone] = m;
    const utc = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, frac ? Math.round(Number(frac) * 1000) : 0);
    if (!valid(+y!, +mo!, +d!, +h, +mi, +s)) return Number.NaN;
    if (!zone || zone.toUpperCase() === 'Z') return utc;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.replace(/[^\d]/g, '');
    return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  m = SLASHED.exec(v);
  if (m) {
    const [, a, b, c, h = '0', mi = '0', s = '0', ampm] = m;
    // yyyy/mm/dd when the first part has four digits, else mm/dd/yyyy or mm/dd/yy.
    let [y, mo, d] = a!.length === 4 ? [+a!, +b!, +c!] : [+c!, +a!, +b!];
    if (y < 100) y += y < 70 ? 2000 : 1900;
    let hour = +h;
    if (ampm) {
      if (hour < 1 || hour > 12) return Number.NaN;
      hour = (hour % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0);
    }
    const utc = Date.UTC(y, mo - 1, d, hour, +mi, +s);
    return valid(y, mo, d, hour, +mi, +s) ? utc : Number.NaN;
  }
  if (/^\d{10}(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  if (/^\d{13}$/.test(v)) return Number(v);
  return Number.NaN;
}

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/**
 * The common case without a regular expression: `yyyy-mm-ddThh:mm:ssZ` or `yyyy-mm-ddThh:mm:ss.sssZ`
 * (what Date.toISOString writes). Undefined for anything else, which the general parser then reads.
 */
function canonicalIso(s: string): number | undefined {
  const n = s.length;
  if ((n !== 20 && n !== 24) || s.charCodeAt(n - 1) !== 90 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return undefined;
  if (n === 24 && s[19] !== '.') return undefined;
  for (const i of n === 24 ? DIGITS_MS : DIGITS) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  const ms = n === 24 ? digit(s, 20) * 100 + two(s, 21) : 0;
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  return valid(y, mo, d, h, mi, sec) ? utc : Number.NaN;
}
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const DIGITS_MS = [...DIGITS, 20, 21, 22];

/** Rejects dates that Date.UTC would silently roll over (February 30th, hour 25). */
function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, mo: number): number => (mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[mo - 1]!);
