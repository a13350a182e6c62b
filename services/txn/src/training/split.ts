/**
 * Where each event goes: training, early stopping, the label-delay gap (unused), the test window, or
 * none of them (an unlabelled event outside the loss: history only).
 */
export const SPLIT = { train: 0, valid: 1, gap: 2, test: 3, unlabelled: 4 } as const;

export interface Split {
  /** First event time of the early-stopping window, end of training (start of the gap), start of the test window. */
  validFrom: number;
  trainEnd: number;
  testFrom: number;
  of(time: number): number;
}

export class SplitError extends Error {
  override name = 'SplitError';
}

/**
 * A time split with a gap, as published fraud-detection protocols use: the latest `testShare` of
 * events test; the `delayMs` before them are left out, because at training time their labels would
 * not be known yet; the rest trains, its latest `validShare` for early stopping.
 */
export function splitByTime(times: Float64Array, testShare: number, validShare: number, delayMs: number): Split {
  const sorted = Float64Array.from(times).sort();
  const n = sorted.length;
  const testFrom = sorted[Math.min(n - 1, Math.floor(n * (1 - testShare)))]!;
  const trainEnd = testFrom - delayMs;
  const before = sorted.subarray(0, lowerBound(sorted, trainEnd));
  const days = (ms: number) => (ms / 86_400_000).toFixed(1);
  if (before.length < 100) {
    throw new SplitError(`the events span ${days(sorted[n - 1]! - sorted[0]!)} days: with a label delay of ${days(delayMs)} days before the test window (the latest ${Math.round(100 * testShare)}% of events), ${before.length} events are left to train on; use a shorter --label-delay or more data`);
  }
  const validFrom = before[Math.floor(before.length * (1 - validShare))]!;
  return {
    validFrom, trainEnd, testFrom,
    of: (t) => (t >= testFrom ? SPLIT.test : t >= trainEnd ? SPLIT.gap : t >= validFrom ? SPLIT.valid : SPLIT.train),
  };
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
