import type { Recognizer } from '../../src/recognizers/Recognizer.js';

/** Spans a recognizer reports at or above the detector's threshold, as the matched strings. */
export const found = (r: Recognizer, text: string, min = 0.5): string[] =>
  r.analyze(text).filter((x) => x.score >= min).map((x) => text.slice(x.start, x.end));
