import { MemoryEntityState } from '../../src/adapters/MemoryEntityState.js';
import { AdapterError } from '../../src/errors.js';
import { entityStateContract, recordSamples, type FeatureState } from '../contracts/entityState.contract.js';

entityStateContract('MemoryEntityState', async (fixture) => new MemoryEntityState<FeatureState>(fixture), recordSamples);

describe('Class: MemoryEntityState', () => {
  const one = (n: number) => new Map([[`e${n}`, { n }]]);

  it('evicts the least recently used entity beyond maxEntities', async () => {
    // Prepare
    const store = new MemoryEntityState<{ n: number }>({ maxEntities: 3 });
    for (const n of [1, 2, 3]) await store.putMany(one(n));
    // Act: reading e1 makes e2 the least recently used, so writing e4 evicts e2
    await store.getMany(['e1']);
    await store.putMany(one(4));
    // Assess
    const read = await store.getMany(['e1', 'e2', 'e3', 'e4']);
    expect([...read.keys()].sort()).toEqual(['e1', 'e3', 'e4']);
    expect(store.size).toBe(3);
  });

  it('keeps at most maxEntities when one batch is larger than the bound', async () => {
    const store = new MemoryEntityState<{ n: number }>({ maxEntities: 10 });

    await store.putMany(new Map(Array.from({ length: 25 }, (_, n) => [`e${n}`, { n }] as const)));

    const read = await store.getMany(Array.from({ length: 25 }, (_, n) => `e${n}`));
    expect(store.size).toBe(10);
    expect([...read.values()].map((v) => v.n).sort((a, b) => a - b)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
  });

  it.each([0, -1, 1.5])('rejects maxEntities = %p', (maxEntities) => {
    expect(() => new MemoryEntityState({ maxEntities })).toThrow(AdapterError);
  });
});
