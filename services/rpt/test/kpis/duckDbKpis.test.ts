import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore, type LakeTransaction } from '@sfc/shared';
import { DuckDbSqlEngine } from '../../src/adapters/DuckDbSqlEngine.js';
import { runKpis, type KpiResults } from '../../src/report/runKpis.js';
import { writeLake, type WrittenLake } from '../support/writeLake.js';
import { decisionsPerDay, detectorVersions, reviewQueue, ruleHits, shadowVersions, thresholdsSeen } from '../support/recompute.js';

const start = new Date('2026-06-01T22:30:00Z'); // crosses midnight: two dt partitions
const window = { from: start, to: new Date(start.getTime() + 3 * 3_600_000) };
// Labels are read up to when the report runs: six days on, some feed labels (10 and 20 days late) are still to come.
const labelsTo = new Date(window.to.getTime() + 6 * 86_400_000);

/** quantile_cont: linear interpolation between closest ranks. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}
const countBy = <T>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});
const closeTo = (actual: unknown, expected: number | null) => (expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 12));

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
    results = await runKpis(engine, window, undefined, labelsTo);
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

  it('score thresholds seen: the lowest score each threshold rule decided at, among rows without a detector version', () => {
    const expected = thresholdsSeen(tx);
    expect(results.kpis.score_thresholds).toEqual([expected]);
    // The fixture's thresholds are 700 and 900 and scores are dense there, so the lowest seen are the thresholds.
    expect(expected).toMatchObject({ review_from: 700, block_from: 900 });
  });

  it('rule hits per rule and outcome, and the detector versions live with their share and first / last seen', () => {
    expect(Object.fromEntries(results.kpis.rule_hits!.map((r) => [`${r.rule_id}|${r.outcome}`, r.n]))).toEqual(ruleHits(tx));
    const versions = detectorVersions(tx);
    expect(results.kpis.detector_versions!.map((r) => r.detector_version).sort()).toEqual(Object.keys(versions).sort());
    expect(Object.keys(versions).sort()).toEqual(['(none)', 'payments:1', 'payments:2']);
    for (const r of results.kpis.detector_versions!) {
      const e = versions[String(r.detector_version)]!;
      expect([r.n, r.first_seen, r.last_seen]).toEqual([e.n, e.first_seen, e.last_seen]);
      closeTo(r.share, e.share);
    }
  });

  it('review queue: decided by analyst or import, open otherwise, oldest open, fraud shares; labels read from the window start to now', () => {
    const expected = reviewQueue(tx, lake.labels, window, labelsTo);
    const { decided_fraud_share: share, fraud_share: anyShare, ...counts } = results.kpis.review_queue![0]!;
    const { decided_fraud_share: eShare, fraud_share: eAnyShare, ...eCounts } = expected;
    expect(counts).toEqual(eCounts);
    closeTo(share, eShare);
    closeTo(anyShare, eAnyShare);
    expect(expected.reviews).toBe(results.kpis.totals![0]!.reviewed);
    // The fixture has every case: decided, open, relabelled, and labels after labelsTo left out.
    expect([expected.decided, expected.open].every((n) => n > 0)).toBe(true);
    expect(reviewQueue(tx, lake.labels, window, new Date(8.64e15)).labelled_fraud).toBeGreaterThan(expected.labelled_fraud);
    expect(Object.fromEntries(results.kpis.review_decisions_per_day!.map((r) => [`${r.day}|${r.source}`, r.n]))).toEqual(decisionsPerDay(tx, lake.labels, window, labelsTo));
  });

  it('shadow versions: per live / shadow version pair over the rows with fd_shadow, agreement, rates, precision and recall on the labelled rows, and the outcome matrix', () => {
    const expected = shadowVersions(tx, lake.labels, window, labelsTo);
    const rows = results.kpis.shadow_versions!;
    expect(rows.map((r) => `${r.live_version}|${r.shadow_version}`).sort()).toEqual(Object.keys(expected).sort());
    // The fixture has both shadows, one beside the thresholds, and rows without fd_shadow (not counted).
    expect(Object.keys(expected).sort()).toEqual(['(none)|payments:2', '(none)|payments:3', 'payments:1|payments:2', 'payments:2|payments:3']);
    expect(rows.reduce((s, r) => s + (r.n as number), 0)).toBe(tx.filter((t) => t.fd_shadow).length);
    expect(tx.filter((t) => t.fd_shadow).length).toBeLessThan(tx.length);
    for (const r of rows) {
      const { matrix, ...e } = expected[`${r.live_version}|${r.shadow_version}`]!;
      for (const [col, value] of Object.entries(e)) {
        if (Number.isInteger(value)) expect([col, r[col]]).toEqual([col, value]);
        else closeTo(r[col], value);
      }
      expect(Object.keys(r).sort()).toEqual(['live_version', 'shadow_version', ...Object.keys(e)].sort());
      // Outcomes differ sometimes, and precisions rest on labels of both sides.
      expect(e.agreement).toBeGreaterThan(0.5);
      expect(e.agreement).toBeLessThan(1);
      expect(Math.min(e.live_blocks_labelled, e.shadow_blocks_labelled, e.live_reviews_labelled, e.shadow_reviews_labelled)).toBeGreaterThan(0);
      const cells = results.kpis.shadow_matrix!.filter((m) => m.live_version === r.live_version && m.shadow_version === r.shadow_version);
      expect(Object.fromEntries(cells.map((m) => [`${m.live_outcome}|${m.shadow_outcome}`, m.n]))).toEqual(matrix);
    }
    expect(results.kpis.shadow_matrix!.reduce((s, m) => s + (m.n as number), 0)).toBe(tx.filter((t) => t.fd_shadow).length);
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
