import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { KPI_QUERIES } from '../../src/kpis/kpiQueries.js';
import { ALIASES } from '../../src/report/runKpis.js';
import { makeTransaction, rng } from '../support/lakeGenerator.js';
import { writeLake, type WrittenLake } from '../support/writeLake.js';
import { runOnBoth, TRINO_TIMEOUT, type BothEngines } from './support/runOnBoth.js';
import { rowDifferences } from './support/sameRows.js';

const start = new Date('2026-06-01T22:30:00Z'); // crosses midnight: two dt partitions
const window = { from: start, to: new Date(start.getTime() + 3 * 3_600_000) };
// Scores either side of each bucket edge: 49 and 99 went to the next bucket on Trino before.
// Labels are read up to when the report runs (six days on, as in the DuckDB KPI test).
const labelsTo = new Date(window.to.getTime() + 6 * 86_400_000);
const EDGE_SCORES = [0, 49, 50, 99, 100, 898, 899, 900, 949, 950, 998, 999, 1000];

describe('KPIs on Trino (Athena SQL) equal DuckDB', () => {
  let lake: WrittenLake;
  let edge: ReturnType<typeof makeTransaction>[];
  let both: BothEngines;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rpt-trino-kpis-'));
    const store = new FsObjectStore(dir);
    // Same lake as the DuckDB KPI test: 100 minutes before the window must not count.
    lake = await writeLake(store, 'lake', {
      transactions: 8000, findings: 120, start: new Date(start.getTime() - 100 * 60_000), spanMinutes: 280, rowsPerObject: 700, collect: true,
    });
    const r = rng(11);
    edge = EDGE_SCORES.map((score, i) => {
      const t = makeTransaction(r, 90_000 + i, new Date(start.getTime() + 30 * 60_000 + i * 1000));
      return { ...t, fd: { ...t.fd, score, outcome: score >= 900 ? 'block' : score >= 700 ? 'review' : 'approve' } };
    });
    await store.put('lake', 'processed/dt=2026-06-01/hour=23/edge-scores.jsonl', `${edge.map((t) => JSON.stringify(t)).join('\n')}\n`);
    both = await runOnBoth(dir, window, 'kpis', labelsTo);
  }, TRINO_TIMEOUT);

  it.each(KPI_QUERIES.map((q) => q.id))('%s: the same rows (counts exact, other numbers within 1e-9 relative)', (id) => {
    expect(both.duckdb.kpis[id]!.length).toBeGreaterThan(0);
    expect(rowDifferences(both.athena.kpis[id]!, both.duckdb.kpis[id]!)).toEqual([]);
  });

  it('score buckets count every transaction in floor(score / 50) * 50 on Trino', () => {
    const inWindow = [...lake.transactions, ...edge].filter((t) => new Date(t.event_time) >= window.from && new Date(t.event_time) < window.to);
    const expected: Record<string, number> = {};
    for (const t of inWindow) { const k = `${Math.floor(t.fd.score / 50) * 50}|${t.fd.outcome}`; expected[k] = (expected[k] ?? 0) + 1; }
    expect(Object.fromEntries(both.athena.kpis.score_distribution!.map((r) => [`${r.bucket}|${r.outcome}`, r.n]))).toEqual(expected);
  });

  it('skips nothing on either engine, and ran through AthenaSqlEngine (relations inlined as WITH)', () => {
    expect(both.athena.rejected).toEqual([]);
    expect(both.duckdb.rejected).toEqual([]);
    expect(both.athena.engine).toBe('athena');
    expect(both.statements).toHaveLength(KPI_QUERIES.length + ALIASES.length);
    for (const s of both.statements) expect(s.startsWith('WITH tx_raw AS (')).toBe(true);
  });
});
