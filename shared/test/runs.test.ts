import { runsOf } from '../src/util/runs.js';

describe('Function: runsOf', () => {
  const sizeOf = (s: string) => s.length;

  it('closes a run before it would pass the byte limit, keeping order; a larger item goes alone', () => {
    // Act
    const runs = runsOf(['aaa', 'bb', 'cccc', 'dddddddddd', 'e', 'f'], { maxBytes: 6, sizeOf });
    // Assess
    expect(runs).toEqual([['aaa', 'bb'], ['cccc'], ['dddddddddd'], ['e', 'f']]);
  });

  it('closes a run at the item limit even when bytes are left', () => {
    // Act
    const runs = runsOf(Array.from({ length: 23 }, (_, i) => String(i % 10)), { maxBytes: 1_000, maxItems: 10, sizeOf });
    // Assess
    expect(runs.map((r) => r.length)).toEqual([10, 10, 3]);
    expect(runs.flat().join('')).toBe(Array.from({ length: 23 }, (_, i) => String(i % 10)).join(''));
  });

  it('makes no run of nothing', () => {
    expect(runsOf([], { maxBytes: 1, sizeOf })).toEqual([]);
  });
});
