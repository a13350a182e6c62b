import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore, type LakeTransaction } from '@sfc/shared';
import { DuckDbSqlEngine } from '../../src/adapters/DuckDbSqlEngine.js';
import { runKpis, type KpiResults } from '../../src/report/runKpis.js';
import { writeLake, type WrittenLake } from '../support/writeLake.js';

const start = new Date('2026-06-01T22:30:00Z'); // crosses midnight: two dt partitions
const window = { from: start, to: new Date(start.getTime() + 3 * 3_600_000) };

/** quantile_cont: linear interpolation between closest ranks. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}
const countBy = <T>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});

describe('KPIs on DuckDB', () => {
  let lake: WrittenLake;
  let results: KpiResults;
  let tx: LakeTransaction[];

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rpt-kpis-'));
    // 100 minutes of data before the window starts must not be counted.
    lake = await writeLake(new FsObjectStore(dir), 'lake', {
      transactions: 8000, findings: 120, start: new Date(start.getTime() - 100 * 60_000), spanMinutes: 280, rowsPerObject: 700, collect: true,
    });
    tx = lake.transactions.filter((t) => new Date(t.event_time) >= window.from && new Date(t.event_time) < window.to);
    const engine = await DuckDbSqlEngine.create({ lakeDir: join(dir, 'lake') });
    results = await runKpis(engine, window);
    await engine.close();
  });

  it('totals and ttdf percentiles match a recomputation over the records', () => {
    const t = results.kpis.totals![0]!;
    const blocked = tx.filter((x) => x.fd.outcome === 'block');
    expect(t.transactions).toBe(tx.length);
    expect(tx.length).toBeLessThan(lake.transactions.length);
    expect(t.blocked).toBe(blocked.length);
    expect(t.reviewed).toBe(tx.filter((x) => x.fd.outcome === 'review').length);
    expect(t.blocked_amount).toBeCloseTo(blocked.reduce((s, x) => s + x.transaction_amt, 0), 6);
    for (const p of [0.5, 0.95, 0.99]) expect(t[`ttdf_p${Math.round(p * 100)}`]).toBeCloseTo(quantile(tx.map((x) => x.fd.ttdf_ms), p), 6);
  });

  it('outcomes per minute and score distribution count every transaction once', () => {
    const perMinute = countBy(tx, (x) => `${Math.floor(Date.parse(x.event_time) / 60_000) * 60_000}|${x.fd.outcome}`);
    expect(Object.fromEntries(results.kpis.outcomes_per_minute!.map((r) => [`${r.minute}|${r.outcome}`, r.n]))).toEqual(perMinute);
    const scores = countBy(tx, (x) => `${Math.floor(x.fd.score / 50) * 50}|${x.fd.outcome}`);
    expect(Object.fromEntries(results.kpis.score_distribution!.map((r) => [`${r.bucket}|${r.outcome}`, r.n]))).toEqual(scores);
  });

  it.each([
    ['block_rate_by_category', 'category', (x: LakeTransaction) => x.product_category],
    ['block_rate_by_state', 'state', (x: LakeTransaction) => x.billing_state],
  ] as const)('%s is blocked / total per group', (id, col, key) => {
    const total = countBy(tx, key);
    const blocked = countBy(tx.filter((x) => x.fd.outcome === 'block'), key);
    for (const r of results.kpis[id]!) {
      expect(r.total).toBe(total[String(r[col])]);
      expect(r.block_rate).toBeCloseTo((blocked[String(r[col])] ?? 0) / total[String(r[col])]!, 12);
    }
    expect(results.kpis[id]!.length).toBe(Object.keys(total).length);
  });

  it('latest blocked are the 20 most recent blocks, with the masked e-mail the lake holds (never a raw one)', () => {
    const expected = tx.filter((x) => x.fd.outcome === 'block').sort((a, b) => b.event_time.localeCompare(a.event_time)).slice(0, 20);
    const rows = results.kpis.latest_blocked!;
    expect(rows.map((r) => r.event_id)).toEqual(expected.map((x) => x.event_id));
    for (const [i, r] of rows.entries()) {
      expect(r.email).toBe(expected[i]!.email_address_masked);
      expect(r.email).toMatch(/^.\*\*\*@/);
    }
  });

  it('compliance KPIs: verdicts, entity types and quarantine reasons', () => {
    const f = lake.findings.filter((x) => new Date(x.scanned_at) >= window.from && new Date(x.scanned_at) < window.to);
    expect(Object.fromEntries(results.kpis.documents_by_verdict!.map((r) => [r.verdict, r.n]))).toEqual(countBy(f, (x) => x.verdict));
    expect(Object.fromEntries(results.kpis.entity_types!.map((r) => [r.entity_type, r.n]))).toEqual(countBy(f.flatMap((x) => x.entities), (e) => e.type));
    expect(Object.fromEntries(results.kpis.quarantine_reasons!.map((r) => [r.reason, r.n])))
      .toEqual(countBy(f.filter((x) => x.verdict === 'quarantine'), (x) => x.quarantine_reason ?? '(none given)'));
    expect(results.rejected).toEqual([]);
  });
});
