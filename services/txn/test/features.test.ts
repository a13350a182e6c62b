import { MemoryEntityState } from '@sfc/shared/adapters/MemoryEntityState.js';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import type { EntityState, Transaction } from '@sfc/shared';
import { FeatureEngine, type FeatureSettings } from '../src/features/FeatureEngine.js';
import { StatefulExtractor } from '../src/features/StatefulExtractor.js';
import type { EventInput } from '../src/features/types.js';
import { TRANSACTION_EVENT_TYPE, transactionBinding, transactionValues } from '../src/eventType/transaction.js';
import { LabelFeedback } from '../src/scoring/LabelFeedback.js';
import { packedLookup } from '../src/training/dataset.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';
import { validTransaction } from '../../../shared/test/fixtures/transaction.js';
import type { ModelFeatures } from '../src/features/modelFeatures.js';

const T0 = Date.parse('2026-11-25T12:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const settings: FeatureSettings = {
  keys: [{ variable: 'merchant', derive: 'value', labels: true }, { variable: 'ip_address', derive: 'value', labels: false }],
  vocabularies: { payment_currency: ['usd', 'eur'], product_category: ['grocery_pos', 'shopping_net'], 'customer_email.domain': ['example.com'] },
  labelDelayDays: 7,
  entityLabels: true,
};
const engine = new FeatureEngine(TRANSACTION_EVENT_TYPE, settings);
const { fields } = transactionBinding(TRANSACTION_EVENT_TYPE);
const event = (tx: Transaction): EventInput => ({ eventId: tx.event_id, entityId: tx.entity_id, time: Date.parse(tx.event_time), values: transactionValues(tx, fields) });
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();
const tx = (minutes: number, overrides: Partial<Record<keyof Transaction, unknown>> = {}) =>
  validTransaction({ event_id: `evt-${minutes}-${JSON.stringify(overrides).length}`, event_time: at(minutes), merchant: 'm-1', ...overrides });

/** Features of the last transaction after the others (training's way: one store, in order); labels as [index, knownAt minutes]. */
function featuresOf(txs: Transaction[], labels: [number, number][] = []) {
  const lookup = packedLookup(new PackedEntityState({ maxEntities: 1000, ttlSeconds: 1e9 }));
  const out = new Float32Array(engine.count);
  const applied = new Set<number>();
  txs.forEach((t) => {
    const ev = event(t);
    for (const [j, known] of labels) {
      if (applied.has(j) || T0 + known * MIN > ev.time) continue;
      engine.label(event(txs[j]!), T0 + known * MIN, lookup);
      applied.add(j);
    }
    engine.step(ev, lookup, out, 0);
  });
  return (name: string) => {
    const i = engine.names.indexOf(name);
    if (i < 0) throw new Error(`no feature ${name}`);
    return out[i]!;
  };
}

describe('Features: FeatureEngine', () => {
  const history = [10, 20, 30].map((amt, i) => tx(i * 60, { transaction_amt: amt }));

  it.each<[string, Partial<Record<keyof Transaction, unknown>>, string, number]>([
    ['the amount', { transaction_amt: 42.5 }, 'amount', 42.5],
    ['a numeric variable as given', { billing_latitude: 12.3456 }, 'billing_latitude', 12.3456],
    ['a categorical code (rank in the vocabulary)', { transaction_currency: 'eur' }, 'payment_currency', 2],
    ['another currency: code 0', { transaction_currency: 'jpy' }, 'payment_currency', 0],
    ['the e-mail domain code', { email_address: 'a1b2@example.com' }, 'customer_email.domain', 1],
    ['digits in the e-mail name', { email_address: 'a1b2@example.com' }, 'customer_email.digits', 2],
    ['a scripted client', { user_agent: 'python-requests/2.32' }, 'user_agent.script', 1],
    ['a known IP', {}, 'ip_address.new', 0],
    ['a new IP', { ip_address: '198.51.100.9' }, 'ip_address.new', 1],
    ['a new device', { user_agent: 'curl/8.5.0' }, 'user_agent.new', 1],
    ['a new e-mail', { email_address: 'x@mail.example' }, 'customer_email.new', 1],
    ['amount against the mean', { transaction_amt: 200 }, 'entity.amount_to_mean', 10],
    ['amount against the max', { transaction_amt: 60 }, 'entity.amount_to_max', 2],
    ['history count', {}, 'entity.count', 3],
    ['seconds since the last event', {}, 'entity.secs_since_last', 3600],
    ['the hour (UTC)', {}, 'hour_of_day', 15],
    ['events at the merchant in the last hour (decayed)', {}, 'merchant.count_1h', Math.exp(-1) + Math.exp(-2) + Math.exp(-3)],
    ['a merchant never seen', { merchant: 'm-2' }, 'merchant.secs_since_last', 1e7],
    ['no merchant given', { merchant: undefined }, 'merchant.count_1h', -1],
  ])('%s', (_title, overrides, feature, expected) => {
    const f = featuresOf([...history, tx(180, overrides)]);
    expect(f(feature)).toBeCloseTo(expected, 3);
  });

  it('decays windowed counts: three events spread over two hours count fewer than three in the last hour', () => {
    const f = featuresOf([...history, tx(180)]);
    const decayed = (tau: number) => [3, 2, 1].reduce((sum, hoursAgo) => sum + Math.exp(-hoursAgo / tau), 0);
    expect(f('entity.count_1h')).toBeCloseTo(decayed(1), 4);
    expect(f('entity.count_1d')).toBeCloseTo(decayed(24), 4);
    expect(f('entity.amount_1h')).toBeCloseTo(10 * Math.exp(-3) + 20 * Math.exp(-2) + 30 * Math.exp(-1), 3);
  });

  it('has no history features for an entity seen for the first time', () => {
    const f = featuresOf([tx(0)]);
    expect([f('entity.count'), f('ip_address.new'), f('entity.amount_to_mean'), f('entity.distance_km')]).toEqual([0, 0, 1, -1]);
  });

  it('measures distance from the usual location, exactly 0 when it never changes (no floating-point noise)', () => {
    const same = featuresOf([...history, tx(180)]);
    expect(same('entity.distance_km')).toBe(0);
    const moved = featuresOf([...history, tx(180, { billing_latitude: 40.71, billing_longitude: -74.01 })]);
    // Springfield, IL to New York is about 1,300 km.
    expect(moved('entity.distance_km')).toBeGreaterThan(1200);
    expect(moved('entity.distance_km')).toBeLessThan(1400);
  });

  it('counts different customers at one key: card testing from one IP', () => {
    const cards = Array.from({ length: 5 }, (_, i) => tx(i, { entity_id: `card-${i}`, ip_address: '203.0.113.7' }));
    expect(featuresOf([...cards, tx(6, { entity_id: 'card-9', ip_address: '203.0.113.7' })])('ip_address.entities_1h')).toBeGreaterThan(3.5);
  });

  it('feeds a fraud label back only from when it is known: none before, one after', () => {
    const fraud = tx(0, { entity_id: 'victim' });
    const before = featuresOf([fraud, tx(60, { entity_id: 'other' })], [[0, 120]]);
    const after = featuresOf([fraud, tx(60, { entity_id: 'x' }), tx(180, { entity_id: 'other' })], [[0, 120]]);
    expect(before('merchant.known_frauds_7d')).toBe(0);
    expect(after('merchant.known_frauds_7d')).toBeCloseTo(Math.exp(-60 / (7 * 24 * 60)), 4);
    expect(after('merchant.fraud_rate_7d')).toBeGreaterThan(0);
  });

  it('names every feature once', () => {
    expect(new Set(engine.names).size).toBe(engine.count);
  });
});

describe('Features: StatefulExtractor serves what training computes', () => {
  const sim = new TransactionSimulator({ seed: 3, customers: 200 });
  const labelled = sim.generate(T0, T0 + 12 * DAY, 4000);
  const events = labelled.map((e) => event(e.transaction));
  const features: ModelFeatures = { eventType: TRANSACTION_EVENT_TYPE, spec: engine.spec(), engine, fields, unbound: [], signature: 1 };
  // Fraud labels come back 7 days after their events, between the batches that follow.
  const known = labelled.flatMap((e, i) => (e.label ? [{ i, at: events[i]!.time + 7 * DAY }] : [])).sort((a, b) => a.at - b.at);

  const training = () => {
    const lookup = packedLookup(new PackedEntityState({ maxEntities: 10_000, ttlSeconds: 1e9 }));
    const out = new Float32Array(events.length * engine.count);
    let next = 0;
    events.forEach((ev, i) => {
      for (; next < known.length && known[next]!.at <= ev.time; next++) engine.label(events[known[next]!.i]!, known[next]!.at, lookup);
      engine.step(ev, lookup, out, i * engine.count);
    });
    return out;
  };

  it.each<[string, () => EntityState<number[]>]>([
    ['MemoryEntityState', () => new MemoryEntityState<number[]>({ ttlSeconds: 1e9 })],
    ['PackedEntityState', () => new PackedEntityState({ maxEntities: 10_000, ttlSeconds: 1e9 })],
  ])('in uneven batches through the entity-state port, labels through LabelFeedback (%s)', async (_name, makeState) => {
    // Prepare
    const expected = training();
    const state = makeState();
    const extractor = new StatefulExtractor(engine, state, 3600);
    const feedback = new LabelFeedback(features, state, 3600);
    const served: number[] = [];
    let next = 0;
    // Act: batches end where a label becomes known, as the labels topic interleaves with transactions.
    for (let i = 0, size = 1; i < events.length; size = (size * 7) % 300 + 1) {
      let end = Math.min(events.length, i + size);
      if (next < known.length) end = Math.min(end, Math.max(i + 1, events.findIndex((e) => e.time >= known[next]!.at)));
      if (end <= i) end = i + 1;
      const x = await extractor.extract(events.slice(i, end));
      await x.commit(new Map());
      served.push(...x.values);
      i = end;
      const labels = [];
      for (; next < known.length && i < events.length && known[next]!.at <= events[i]!.time; next++) {
        const e = labelled[known[next]!.i]!.transaction;
        labels.push({ event_id: e.event_id, entity_id: e.entity_id, label: 'fraud' as const, label_time: new Date(known[next]!.at).toISOString(), variables: { merchant: e.merchant!, ip_address: e.ip_address } });
      }
      if (labels.length) await feedback.apply(labels);
    }
    // Assess
    expect(Float32Array.from(served)).toEqual(expected);
  });
});
