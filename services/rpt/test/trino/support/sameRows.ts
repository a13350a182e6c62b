import type { Row } from '../../../src/ports/SqlEngine.js';

/** Relative tolerance for non-integer numbers: both engines run the same double arithmetic, in another order for sums. */
export const REL_TOL = 1e-9;

/**
 * Differences between two engines' rows (same order): integers and text must be equal, other numbers
 * within REL_TOL relative. Empty when they agree.
 */
export function rowDifferences(actual: Row[], expected: Row[]): string[] {
  const diffs: string[] = [];
  if (actual.length !== expected.length) diffs.push(`${actual.length} rows, expected ${expected.length}`);
  for (const [i, e] of expected.entries()) {
    const a = actual[i];
    if (!a) break;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(e)])];
    for (const k of keys) {
      const [x, y] = [a[k], e[k]];
      const close = typeof x === 'number' && typeof y === 'number' && !(Number.isInteger(x) && Number.isInteger(y))
        ? Math.abs(x - y) <= REL_TOL * Math.max(Math.abs(x), Math.abs(y))
        : x === y;
      if (!close) diffs.push(`row ${i} ${k}: ${JSON.stringify(x)}, expected ${JSON.stringify(y)}`);
    }
  }
  return diffs;
}
