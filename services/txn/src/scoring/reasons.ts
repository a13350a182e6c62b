import type { FeatureDef } from '../features/phrases.js';

/** The `limit` features that pushed the score up most (indexes, largest first). */
export function topFeatures(contributions: Float64Array, limit = 3): number[] {
  const top: number[] = [];
  contributions.forEach((c, i) => c > 0 && top.push(i));
  return top.sort((a, b) => contributions[b]! - contributions[a]!).slice(0, limit);
}

/** Plain words for features `indexes` at their `values`. */
export const phrase = (defs: readonly FeatureDef[], indexes: readonly number[], values: readonly number[]): string[] =>
  indexes.map((f, k) => defs[f]!.phrase(values[k]!));
