export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Time constants of the decayed windows kept per entity (counts and amount sums). */
export const ENTITY_WINDOWS = [HOUR, DAY, 7 * DAY, 30 * DAY] as const;
export const ENTITY_WINDOW_NAMES = ['1h', '1d', '7d', '30d'] as const;
/** Time constants of known-fraud counts per key. */
export const FRAUD_WINDOWS = [DAY, 7 * DAY, 30 * DAY] as const;
export const FRAUD_WINDOW_NAMES = ['1d', '7d', '30d'] as const;
/** Seconds since the last event when there is none: far beyond any window. */
export const NO_HISTORY_SECS = 1e7;
/** Amounts under this count as small (card testing). */
export const SMALL_AMOUNT = 5;

/**
 * A decayed sum kept as of `from`, read at `to`: sum * e^(-(to - from) / tau). Reads before `from`
 * (events a little out of order) get the value as of `from`.
 */
export const decayed = (value: number, from: number, to: number, tau: number): number => (to > from ? value * Math.exp(-(to - from) / tau) : value);

/** FNV-1a: a stable 32-bit fingerprint, so state never holds raw values (PII). */
export function fingerprint(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A 52-bit hash (two independent 32-bit multiplicative hashes), as 13 hex digits: the state ids of
 * aggregation-key values. Built from a byte table, since Number.toString(16) showed in profiles.
 */
export function hash52(value: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return HEX[a >>> 24]! + HEX[(a >>> 16) & 255]! + HEX[(a >>> 8) & 255]! + HEX[a & 255]! + HEX[(b >>> 12) & 255]! + HEX[(b >>> 4) & 255]! + HEX[b & 15]!.slice(1);
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A variable's value as a number: NaN when missing or not a number. */
export function num(v: string | number | undefined): number {
  if (typeof v === 'number') return v;
  if (v === undefined || v === '') return Number.NaN;
  return Number(v);
}

/** A variable's value as text: undefined when missing. */
export function str(v: string | number | undefined): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  return v === undefined || v === '' ? undefined : v;
}
