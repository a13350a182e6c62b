/** Limits of one run: total size (by `sizeOf`) and, optionally, item count. */
export interface RunLimits<T> {
  maxBytes: number;
  maxItems?: number;
  sizeOf: (item: T) => number;
}

/**
 * Splits items, in order, into runs within the limits, for APIs that take bounded requests (a Kafka
 * produce request, an SNS PublishBatch). An item larger than `maxBytes` goes in a run of its own.
 */
export function runsOf<T>(items: T[], limits: RunLimits<T>): T[][] {
  const runs: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = limits.sizeOf(item);
    if (current.length > 0 && (current.length === limits.maxItems || bytes + size > limits.maxBytes)) {
      runs.push(current);
      [current, bytes] = [[], 0];
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
