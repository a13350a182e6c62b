import type { EntityState } from '../../src/ports/EntityState.js';

export interface FeatureState {
  count: number;
  sum: number;
  last_seen: string;
  countries: string[];
}

export interface EntityStateFixture {
  /** Expiry applied to every write. */
  ttlSeconds: number;
  /** Clock (epoch ms) the store must use; tests move it. */
  now: () => number;
}

export type EntityStateFactory<S> = (fixture: EntityStateFixture) => Promise<EntityState<S>>;

/** Values of one shape for the contract: the i-th distinct value, and an in-place change of one. */
export interface Samples<S> {
  of: (i: number) => S;
  mutate: (value: S) => void;
}

/** JSON records, as the Memory and DynamoDB adapters hold them. */
export const recordSamples: Samples<FeatureState> = {
  of: (i) => ({ count: i, sum: i * 1.5, last_seen: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString(), countries: ['US', `C${i % 7}`] }),
  mutate: (v) => {
    v.count = 1000;
    v.countries.push('XX');
  },
};

/** Numeric vectors, as the packed adapter holds them (and the fraud features use everywhere). */
export const vectorSamples: Samples<number[]> = {
  of: (i) => [i, i * 1.5, Date.UTC(2026, 0, 1) + i, 0.1 + i / 7, -1 - i],
  mutate: (v) => {
    v[0] = 1000;
  },
};

/** Behaviour every EntityState adapter must share; `factory` returns an empty store on each call. */
export function entityStateContract<S>(name: string, factory: EntityStateFactory<S>, samples: Samples<S>): void {
  const stateOf = samples.of;
  describe(`Contract: EntityState > ${name}`, () => {
    let clock = Date.UTC(2026, 5, 1);
    const fixture: EntityStateFixture = { ttlSeconds: 3600, now: () => clock };
    beforeEach(() => { clock = Date.UTC(2026, 5, 1); });

    it('returns what was written, for more entities than one batch holds', async () => {
      // Prepare
      const store = await factory(fixture);
      const written = new Map(Array.from({ length: 230 }, (_, i) => [`card-${i}`, stateOf(i)] as const));
      // Act
      await store.putMany(written);
      const read = await store.getMany([...written.keys()]);
      // Assess
      expect(read.size).toBe(230);
      expect(Object.fromEntries(read)).toEqual(Object.fromEntries(written));
    });

    it('leaves unknown entities out and tolerates duplicate and empty requests', async () => {
      const store = await factory(fixture);
      await store.putMany(new Map([['a', stateOf(1)]]));
      await store.putMany(new Map());

      const read = await store.getMany(['a', 'missing', 'a']);

      expect([...read.keys()]).toEqual(['a']);
      expect((await store.getMany([])).size).toBe(0);
    });

    it('replaces the state of an entity written again', async () => {
      const store = await factory(fixture);
      await store.putMany(new Map([['a', stateOf(1)], ['b', stateOf(2)]]));

      await store.putMany(new Map([['a', stateOf(9)]]));

      const read = await store.getMany(['a', 'b']);
      expect(read.get('a')).toEqual(stateOf(9));
      expect(read.get('b')).toEqual(stateOf(2));
    });

    it('hands out copies: mutating a read or written value does not change the store', async () => {
      const store = await factory(fixture);
      const value = stateOf(3);
      await store.putMany(new Map([['a', value]]));
      samples.mutate(value);

      samples.mutate((await store.getMany(['a'])).get('a')!);

      expect((await store.getMany(['a'])).get('a')).toEqual(stateOf(3));
    });

    it('keeps ids with separators and non-ASCII characters apart', async () => {
      const store = await factory(fixture);
      const ids = ['user#1', 'user#1 ', 'josé@example.com', '客户-7', 'c:a/b:c', 'c:a/b'];

      await store.putMany(new Map(ids.map((id, i) => [id, stateOf(i)])));

      const read = await store.getMany(ids);
      expect(ids.map((id) => read.get(id))).toEqual(ids.map((_, i) => stateOf(i)));
    });

    it('treats entries past their TTL as absent', async () => {
      const store = await factory(fixture);
      await store.putMany(new Map([['old', stateOf(1)]]));
      clock += 30 * 60_000;
      await store.putMany(new Map([['young', stateOf(2)]]));

      clock += 31 * 60_000; // 'old' is 61 minutes old, 'young' 31

      const read = await store.getMany(['old', 'young']);
      expect([...read.keys()]).toEqual(['young']);
    });

    it('gives entries written with their own TTL that expiry instead of the default', async () => {
      const store = await factory(fixture);
      await store.putMany(new Map([['short', stateOf(1)]]), { ttlSeconds: 60 });
      await store.putMany(new Map([['long', stateOf(2)]]), { ttlSeconds: 7200 });

      clock += 90 * 60_000; // past the default hour, within the long entry's two

      const read = await store.getMany(['short', 'long']);
      expect([...read.keys()]).toEqual(['long']);
    });
  });
}
