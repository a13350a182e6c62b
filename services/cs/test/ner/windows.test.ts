import { aggregateBio } from '../../src/ner/bio.js';
import { slidingWindows } from '../../src/ner/windows.js';

describe('Function: slidingWindows', () => {
  it.each([
    [10, 126, 32],
    [126, 126, 32],
    [127, 126, 32],
    [500, 126, 32],
    [1000, 62, 20],
  ])('keeps each of %i tokens exactly once (size %i, overlap %i)', (length, size, overlap) => {
    const windows = slidingWindows(length, size, overlap);
    const kept = windows.flatMap((w) => Array.from({ length: w.keepTo - w.keepFrom }, (_, i) => w.keepFrom + i));
    expect(kept).toEqual(Array.from({ length }, (_, i) => i));
    for (const w of windows) {
      expect(w.end - w.start).toBeLessThanOrEqual(size);
      expect(w.keepFrom).toBeGreaterThanOrEqual(w.start);
      expect(w.keepTo).toBeLessThanOrEqual(w.end);
    }
  });
});

describe('Function: aggregateBio', () => {
  const words = [0, 6, 12, 18, 24].map((start) => ({ start, end: start + 5 }));
  it.each([
    ['B I -> one entity', ['B-PER', 'I-PER', 'O', 'O', 'O'], [['PER', 0, 11]]],
    ['I without B opens an entity', ['O', 'I-ORG', 'I-ORG', 'O', 'O'], [['ORG', 6, 17]]],
    ['B B -> two entities', ['B-PER', 'B-PER', 'O', 'O', 'O'], [['PER', 0, 5], ['PER', 6, 11]]],
    ['type change closes', ['B-PER', 'I-LOC', 'O', 'B-ORG', 'I-ORG'], [['PER', 0, 5], ['LOC', 6, 11], ['ORG', 18, 29]]],
    ['all O', ['O', 'O', 'O', 'O', 'O'], []],
  ])('%s', (_name, labels, expected) => {
    const spans = aggregateBio(words, labels.map((label) => ({ label, prob: 0.9 })));
    expect(spans.map((s) => [s.type, s.start, s.end])).toEqual(expected);
  });
});
