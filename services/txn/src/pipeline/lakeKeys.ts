/** Lake partition of an event time: `dt=YYYY-MM-DD/hour=HH` (UTC), as the Athena table projects it. */
export function lakePartition(eventTime: string): string {
  const iso = new Date(eventTime).toISOString();
  return `dt=${iso.slice(0, 10)}/hour=${iso.slice(11, 13)}`;
}

/**
 * Deterministic object key for the records of one source partition that fall in one lake partition:
 * a retried batch writes the same key, overwriting instead of duplicating.
 */
export function lakeObjectKey(prefix: string, eventTime: string, topic: string, partition: number, firstOffset: string): string {
  return `${prefix}/${lakePartition(eventTime)}/${topic}-${partition}-${firstOffset.padStart(16, '0')}.jsonl`;
}

/** Deterministic key of the labels of one source partition whose label_time falls on one day (`dt=` only: labels are few). */
export function lakeDayObjectKey(prefix: string, time: string, topic: string, partition: number, firstOffset: string): string {
  return `${prefix}/dt=${new Date(time).toISOString().slice(0, 10)}/${topic}-${partition}-${firstOffset.padStart(16, '0')}.jsonl`;
}
