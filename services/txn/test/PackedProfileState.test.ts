import { PackedProfileState } from '../src/features/PackedProfileState.js';
import { updateProfile } from '../src/features/compute.js';
import type { EntityProfile } from '../src/features/profile.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';

const T0 = Date.parse('2026-11-01T00:00:00Z');

function profiles(): Map<string, EntityProfile> {
  const out = new Map<string, EntityProfile>();
  for (const { transaction: tx } of new TransactionSimulator({ seed: 5, customers: 300 }).generate(T0, T0 + 10 * 86_400_000, 5000)) {
    out.set(tx.entity_id, updateProfile(tx, Date.parse(tx.event_time), out.get(tx.entity_id)));
  }
  return out;
}

describe('Features: PackedProfileState', () => {
  it('returns exactly the profiles written, for hundreds of entities', async () => {
    const written = profiles();
    const store = new PackedProfileState({ maxEntities: 10_000, ttlSeconds: 3600 });
    await store.putMany(written);
    const read = await store.getMany([...written.keys(), 'unknown']);
    expect(read.size).toBe(written.size);
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(written));
  });

  it('evicts the least recently used entity beyond maxEntities and reuses its room', async () => {
    const [a, b, c] = [...profiles().values()];
    const store = new PackedProfileState({ maxEntities: 2, ttlSeconds: 3600 });
    await store.putMany(new Map([['a', a!], ['b', b!]]));
    await store.putMany(new Map([['a', a!]]));
    await store.putMany(new Map([['c', c!]]));
    const read = await store.getMany(['a', 'b', 'c']);
    expect([...read.keys()].sort()).toEqual(['a', 'c']);
    expect(read.get('c')).toEqual(c);
    expect(store.size).toBe(2);
  });

  it('forgets entities untouched for longer than the TTL', async () => {
    let now = T0;
    const [a] = [...profiles().values()];
    const store = new PackedProfileState({ maxEntities: 10, ttlSeconds: 60, now: () => now });
    await store.putMany(new Map([['a', a!]]));
    now += 59_000;
    expect((await store.getMany(['a'])).size).toBe(1);
    now += 2_000;
    expect((await store.getMany(['a'])).size).toBe(0);
    expect(store.size).toBe(0);
  });
});
