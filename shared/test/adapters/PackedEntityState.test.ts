import { PackedEntityState } from '../../src/adapters/PackedEntityState.js';
import { AdapterError } from '../../src/errors.js';
import { entityStateContract, vectorSamples } from '../contracts/entityState.contract.js';

entityStateContract('PackedEntityState', async ({ ttlSeconds, now }) => new PackedEntityState({ maxEntities: 10_000, ttlSeconds, now }), vectorSamples);

describe('Class: PackedEntityState', () => {
  const store = (maxEntities = 10, now?: () => number) => new PackedEntityState({ maxEntities, ttlSeconds: 3600, now });

  it('keeps each kind (the id up to its first colon) in its own arena, with its own width', async () => {
    // Prepare
    const s = store();
    // Act
    await s.putMany(new Map([['c:1', [1, 2, 3]], ['k.merchant:m-1', [4, 5]], ['e:evt-1', [6]]]));
    // Assess
    expect(await s.getMany(['c:1', 'k.merchant:m-1', 'e:evt-1'])).toEqual(new Map([['c:1', [1, 2, 3]], ['k.merchant:m-1', [4, 5]], ['e:evt-1', [6]]]));
    expect(s.size).toBe(3);
  });

  it('refuses a value whose width differs from its kind, naming the id', async () => {
    const s = store();
    await s.putMany(new Map([['c:1', [1, 2, 3]]]));

    await expect(s.putMany(new Map([['c:2', [1, 2]]]))).rejects.toThrow(/c:2: 2 values, but kind "c" holds 3/);
  });

  it('evicts the least recently written entity of a kind beyond maxEntities and reuses its room', async () => {
    const s = store(2);
    await s.putMany(new Map([['c:a', [1]], ['c:b', [2]], ['k.x:a', [9]]]));
    await s.putMany(new Map([['c:a', [3]]]));
    await s.putMany(new Map([['c:c', [4]]]));

    const read = await s.getMany(['c:a', 'c:b', 'c:c', 'k.x:a']);

    expect(Object.fromEntries(read)).toEqual({ 'c:a': [3], 'c:c': [4], 'k.x:a': [9] });
    expect(s.size).toBe(3);
  });

  it('grows past its initial room and frees expired slots for reuse', async () => {
    let now = Date.UTC(2026, 0, 1);
    const s = store(5000, () => now);
    for (let i = 0; i < 3000; i++) s.put(`c:${i}`, [i, -i]);
    expect(s.get('c:2999')).toEqual([2999, -2999]);
    now += 3601_000;
    expect(s.get('c:5')).toBeUndefined();
    s.put('c:new', [7, 7]);
    expect(s.get('c:new')).toEqual([7, 7]);
  });

  it.each([0, -1, 1.5])('rejects maxEntities = %p', (maxEntities) => {
    expect(() => new PackedEntityState({ maxEntities, ttlSeconds: 60 })).toThrow(AdapterError);
  });
});
