import { knownAt, LabelQueue } from '../src/training/labelQueue.js';

describe('Training: LabelQueue', () => {
  it('hands labels over in the order they become known, only once known', () => {
    // Prepare
    const q = new LabelQueue();
    for (const t of [50, 10, 40, 30, 20, 60]) q.push({ knownAt: t, entityId: `e${t}`, ids: [] });
    const seen: number[] = [];
    // Act
    q.drain(35, (l) => seen.push(l.knownAt));
    // Assess
    expect(seen).toEqual([10, 20, 30]);
    expect(q.next()).toBe(40);
    q.drain(100, (l) => seen.push(l.knownAt));
    expect(seen).toEqual([10, 20, 30, 40, 50, 60]);
    expect(q.size).toBe(0);
  });

  it.each([
    ['no LABEL_TIMESTAMP: the delay', 1000, Number.NaN, 7, 1007],
    ['an earlier LABEL_TIMESTAMP: still the delay', 1000, 1003, 7, 1007],
    ['a later LABEL_TIMESTAMP wins', 1000, 1020, 7, 1020],
    ['no delay: LABEL_TIMESTAMP', 1000, 1002, 0, 1002],
  ])('%s', (_name, event, label, delay, expected) => {
    expect(knownAt(event, label, delay)).toBe(expected);
  });
});
