import { PRODUCT_CATEGORIES } from '@sfc/shared';

/**
 * What is remembered about one entity (customer) between its events. Windowed counts and sums are
 * exponentially decayed (time constants 1 h, 24 h, 7 d) so the state stays a fixed, small size.
 */
export interface EntityProfile {
  n: number;
  sum: number;
  max: number;
  /** Epoch ms of the entity's latest event; decayed values are as of this time. */
  last: number;
  decayed: number[];
  lat: number;
  lon: number;
  /** Recently seen values, as 32-bit hashes, most recent first. */
  ips: number[];
  agents: number[];
  emails: number[];
  phones: number[];
  zips: number[];
  categories: number[];
}

export const WINDOWS_MS = [3_600_000, 86_400_000, 604_800_000] as const;
/** decayed[] layout: count and sum per window, then the count of small (< $5) amounts over 1 h. */
export const DECAYED_SLOTS = WINDOWS_MS.length * 2 + 1;
export const SEEN_LIMIT = { ips: 4, agents: 3, emails: 2, phones: 2, zips: 2 } as const;

export const emptyProfile = (): EntityProfile => ({
  n: 0, sum: 0, max: 0, last: 0, decayed: new Array(DECAYED_SLOTS).fill(0), lat: 0, lon: 0,
  ips: [], agents: [], emails: [], phones: [], zips: [], categories: new Array(PRODUCT_CATEGORIES.length).fill(0),
});

/** FNV-1a: a stable 32-bit fingerprint, so profiles never hold the raw PII values. */
export function fingerprint(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Puts `h` first in `list`, keeping at most `limit` distinct entries. */
export function remember(list: number[], h: number, limit: number): void {
  const at = list.indexOf(h);
  if (at >= 0) list.splice(at, 1);
  list.unshift(h);
  if (list.length > limit) list.length = limit;
}
