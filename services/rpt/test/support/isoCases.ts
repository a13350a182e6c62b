/** ISO-8601 texts and the UTC time each dialect's isoToTimestamp must give (null: not a time). */
export const ISO_CASES: [string, string | null][] = [
  ['2026-01-15T17:57:33.636Z', '2026-01-15 17:57:33.636'],
  ['2026-01-15T23:30:00Z', '2026-01-15 23:30:00'],
  // With an offset (the transaction schema allows one): converted to UTC, not cut off.
  ['2026-01-15T17:57:33.636+02:00', '2026-01-15 15:57:33.636'],
  ['2026-01-15T23:30:00-05:30', '2026-01-16 05:00:00'],
  ['2026-02-30T00:00:00Z', null],
  ['not a time', null],
];
