import type { RecognizerResult } from '../recognizers/Recognizer.js';

/**
 * Resolves overlapping results into one answer per stretch of text: the higher score wins, and on
 * a tie the result that came first (recognizers are ordered most specific first, before the model).
 * Two results of the same type that overlap are joined into one span.
 */
export function mergeResults(results: RecognizerResult[]): RecognizerResult[] {
  const ranked = results.map((r, order) => ({ r, order })).sort((a, b) => b.r.score - a.r.score || a.order - b.order);
  const kept: RecognizerResult[] = [];
  for (const { r } of ranked) {
    const clash = kept.find((k) => r.start < k.end && k.start < r.end);
    if (!clash) kept.push({ ...r });
    else if (clash.type === r.type) {
      clash.start = Math.min(clash.start, r.start);
      clash.end = Math.max(clash.end, r.end);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
