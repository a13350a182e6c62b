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

  it('labels the configured share of events as fraud, across scenarios', () => {
    const fraud = events.filter((e) => e.label === 1);
    expect(fraud.length).toBe(100);
    expect(new Set(fraud.map((e) => e.scenario)).size).toBeGreaterThanOrEqual(4);
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
    const probes = events.filter((e) => e.scenario === 'card_testing' && e.transaction.transaction_amt <= 5);
    expect(probes.length).toBeGreaterThan(0);
  });
});
