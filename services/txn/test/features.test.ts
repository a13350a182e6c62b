import { MemoryEntityState } from '@sfc/shared/adapters/MemoryEntityState.js';
import { PackedProfileState } from '../src/features/PackedProfileState.js';
import { FeatureExtractor } from '../src/features/extractor.js';
import { writeFeatures, updateProfile } from '../src/features/compute.js';
import { FEATURE_COUNT, featureIndex, type FeatureName } from '../src/features/names.js';
import { emptyProfile, type EntityProfile } from '../src/features/profile.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';
import { validTransaction } from '../../../shared/test/fixtures/transaction.js';

const T0 = Date.parse('2026-11-25T12:00:00Z');

/** Features of `tx` after `history` (all for one entity), taken the training way. */
function featuresAfter(history: ReturnType<typeof validTransaction>[], tx: ReturnType<typeof validTransaction>) {
  let p: EntityProfile = emptyProfile();
  for (const h of history) p = updateProfile(h, Date.parse(h.event_time), p);
  const out = new Float32Array(FEATURE_COUNT);
  writeFeatures(tx, Date.parse(tx.event_time), p, out, 0);
  return (name: FeatureName) => out[featureIndex(name)]!;
}

const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describe('Features: writeFeatures', () => {
  const history = [10, 20, 30].map((amt, i) => validTransaction({ event_time: at(i * 60), transaction_amt: amt }));

  it.each<[string, Partial<Parameters<typeof validTransaction>[0]>, FeatureName, number]>([
    ['known IP', {}, 'new_ip', 0],
    ['new IP', { ip_address: '198.51.100.9' }, 'new_ip', 1],
    ['new device', { user_agent: 'curl/8.5.0' }, 'new_user_agent', 1],
    ['scripted client', { user_agent: 'python-requests/2.32' }, 'ua_is_script', 1],
    ['new email', { email_address: 'x@mail.example' }, 'new_email', 1],
    ['amount vs mean', { transaction_amt: 200 }, 'amount_to_mean', 10],
    ['amount vs max', { transaction_amt: 60 }, 'amount_to_max', 2],
    ['history count', {}, 'history_count', 3],
    ['seconds since last', {}, 'secs_since_last', 3600],
  ])('%s', (_title, overrides, feature, expected) => {
    const f = featuresAfter(history, validTransaction({ event_time: at(180), ...overrides }));
    expect(f(feature)).toBeCloseTo(expected, 3);
  });

  it('measures distance from the usual billing location', () => {
    const f = featuresAfter(history, validTransaction({ event_time: at(180), billing_latitude: 40.71, billing_longitude: -74.01 }));
    // Springfield, IL to New York is about 1,300 km.
    expect(f('distance_km')).toBeGreaterThan(1200);
    expect(f('distance_km')).toBeLessThan(1400);
  });

  it('decays windowed counts: three events spread over two hours count fewer than three in the last hour', () => {
    const f = featuresAfter(history, validTransaction({ event_time: at(180) }));
    const decayed = (tau: number) => [3, 2, 1].reduce((sum, hoursAgo) => sum + Math.exp(-hoursAgo / tau), 0);
    expect(f('count_1h')).toBeCloseTo(decayed(1), 4);
    expect(f('count_24h')).toBeCloseTo(decayed(24), 4);
    expect(f('sum_1h')).toBeCloseTo(10 * Math.exp(-3) + 20 * Math.exp(-2) + 30 * Math.exp(-1), 3);
  });

  it('has no history features for an entity seen for the first time', () => {
    const f = featuresAfter([], validTransaction());
    expect(f('history_count')).toBe(0);
    expect(f('new_ip')).toBe(0);
    expect(f('amount_to_mean')).toBe(1);
  });
});

describe('Features: FeatureExtractor', () => {
  it.each([
    ['MemoryEntityState', () => new MemoryEntityState<EntityProfile>()],
    ['PackedProfileState', () => new PackedProfileState({ maxEntities: 10_000, ttlSeconds: 86_400 * 30 })],
  ])('serves exactly the features training computes for the same stream (%s)', async (_name, makeState) => {
    // Prepare
    const sim = new TransactionSimulator({ seed: 3, customers: 200 });
    const events = sim.generate(T0, T0 + 3 * 86_400_000, 3000).map((e) => e.transaction);
    const training = new Float32Array(events.length * FEATURE_COUNT);
    const profiles = new Map<string, EntityProfile>();
    events.forEach((tx, i) => {
      const time = Date.parse(tx.event_time);
      const p = profiles.get(tx.entity_id) ?? emptyProfile();
      writeFeatures(tx, time, p, training, i * FEATURE_COUNT);
      profiles.set(tx.entity_id, updateProfile(tx, time, p));
    });
    // Act: serve in uneven batches through the entity-state port.
    const extractor = new FeatureExtractor(makeState());
    const served: number[] = [];
    for (let i = 0, size = 1; i < events.length; i += size, size = (size * 7) % 500 + 1) {
      served.push(...(await extractor.extract(events.slice(i, i + size))).values);
    }
    // Assess
    expect(Float32Array.from(served)).toEqual(training);
  });
});
