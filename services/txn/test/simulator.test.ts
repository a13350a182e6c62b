import { parseWith, TransactionSchema } from '@sfc/shared';
import { TransactionSimulator } from '../src/simulator/simulator.js';

const DAY = 86_400_000;
const FROM = Date.parse('2026-10-01T00:00:00Z');

describe('Simulator: TransactionSimulator', () => {
  const sim = new TransactionSimulator({ seed: 7, customers: 500, fraudRate: 0.02 });
  const events = sim.generate(FROM, FROM + 7 * DAY, 5000);

  it('is reproducible from its seed and window', () => {
    const again = new TransactionSimulator({ seed: 7, customers: 500, fraudRate: 0.02 }).generate(FROM, FROM + 7 * DAY, 5000);
    expect(again).toEqual(events);
    const other = new TransactionSimulator({ seed: 8, customers: 500, fraudRate: 0.02 }).generate(FROM, FROM + 7 * DAY, 5000);
    expect(other[0]!.transaction.event_id).not.toBe(events[0]!.transaction.event_id);
  });

  it('emits exactly the requested count, in time order, inside the window, all schema-valid', () => {
    expect(events).toHaveLength(5000);
    const times = events.map((e) => Date.parse(e.transaction.event_time));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(FROM);
    expect(Math.max(...times)).toBeLessThan(FROM + 7 * DAY);
    expect(events.filter((e) => !parseWith('Transaction', TransactionSchema, e.transaction).ok)).toEqual([]);
    expect(new Set(events.map((e) => e.transaction.event_id)).size).toBe(5000);
  });

  it('labels the configured share of events as fraud, across scenarios, each label known after its event', () => {
    const fraud = events.filter((e) => e.label === 1);
    expect(fraud.length).toBe(100);
    expect(new Set(fraud.map((e) => e.scenario)).size).toBeGreaterThanOrEqual(4);
    expect(events.every((e) => e.labelTime > Date.parse(e.transaction.event_time))).toBe(true);
  });

  it('sells through merchants, some compromised for weeks: their fraud concentrates on few merchants', () => {
    expect(events.every((e) => /^m-\d{6}$/.test(e.transaction.merchant ?? ''))).toBe(true);
    const long = new TransactionSimulator({ seed: 7, customers: 2000, fraudRate: 0.02 }).generate(FROM, FROM + 28 * DAY, 60_000);
    const compromised = long.filter((e) => e.scenario === 'compromised_merchant');
    expect(compromised.length).toBeGreaterThan(0.2 * long.filter((e) => e.label).length);
    const merchants = new Set(compromised.map((e) => e.transaction.merchant));
    expect(merchants.size).toBeLessThan(compromised.length / 5);
  });

  it('runs card testing at one shop: many cards from one client within the hour', () => {
    const long = new TransactionSimulator({ seed: 9, customers: 2000, fraudRate: 0.03 }).generate(FROM, FROM + 7 * DAY, 30_000);
    const probes = long.filter((e) => e.scenario === 'merchant_card_testing');
    const byIp = new Map<string, Set<string>>();
    for (const p of probes) byIp.set(p.transaction.ip_address, (byIp.get(p.transaction.ip_address) ?? new Set()).add(p.transaction.entity_id));
    expect(Math.max(...[...byIp.values()].map((s) => s.size))).toBeGreaterThanOrEqual(8);
    expect(probes.every((p) => p.transaction.transaction_amt <= 5)).toBe(true);
  });

  it('keeps customers stable: one name, card and home per entity in legitimate events', () => {
    const byEntity = new Map<string, Set<string>>();
    for (const { transaction: t, label } of events) {
      if (label) continue;
      const s = byEntity.get(t.entity_id) ?? new Set();
      s.add(`${t.customer_name}|${t.card_bin}|${t.billing_street}|${t.billing_zip}`);
      byEntity.set(t.entity_id, s);
    }
    expect([...byEntity.values()].every((s) => s.size === 1)).toBe(true);
  });

  it('leaves card-testing traces: bursts of small amounts', () => {
    const probes = events.filter((e) => (e.scenario === 'card_testing' || e.scenario === 'merchant_card_testing') && e.transaction.transaction_amt <= 5);
    expect(probes.length).toBeGreaterThan(0);
  });
});
