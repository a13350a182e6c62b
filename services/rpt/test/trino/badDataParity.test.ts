import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { AthenaSqlEngine } from '../../src/adapters/AthenaSqlEngine.js';
import { KPI_COLUMNS, KPI_QUERIES } from '../../src/kpis/kpiQueries.js';
import { ALIASES } from '../../src/report/runKpis.js';
import { lakeRelations, literalBounds } from '../../src/sql/lakeRelations.js';
import { MALFORMED } from '../../src/sql/validation.js';
import { BAD_LAKE_DIR, BAD_LAKE_WINDOW, BROKEN, writeBadLake } from '../support/badLake.js';
import { AthenaOverTrino } from './support/athenaOverTrino.js';
import { createLakeTables, testSchema } from './support/lakeTables.js';
import { runOnBoth, TRINO_TIMEOUT, type BothEngines } from './support/runOnBoth.js';
import { rowDifferences } from './support/sameRows.js';

const dir = BAD_LAKE_DIR;

describe('Bad lake data on Trino (Athena SQL) is skipped exactly as on DuckDB', () => {
  let both: BothEngines;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-trino-bad-'));
    await writeBadLake(new FsObjectStore(dataDir));
    both = await runOnBoth(dataDir, BAD_LAKE_WINDOW, 'bad');
  }, TRINO_TIMEOUT);

  it('the same skipped objects and records, for the same reasons, on both engines', () => {
    expect(both.athena.rejected).toEqual(both.duckdb.rejected);
  });

  it('every broken record is rejected on Trino for the reason the shared schema gives', () => {
    const records = both.athena.rejected.filter((x) => x.object === `${dir}/transactions-1-0.jsonl`);
    const expected = BROKEN.reduce<Record<string, number>>((m, [, , reason]) => ({ ...m, [reason]: (m[reason] ?? 0) + 1 }), {});
    expect(Object.fromEntries(records.map((x) => [x.reason, x.records]))).toEqual(expected);
    expect(both.athena.rejected.filter((x) => x.reason === MALFORMED).map((x) => x.object).sort())
      .toEqual(['compliance/dt=2026-02-10/c3.json', `${dir}/transactions-2-0.jsonl`, `${dir}/transactions-3-0.jsonl`]);
    expect(both.athena.kpis.totals![0]!.transactions).toBe(70);
  });

  it.each(KPI_QUERIES.map((q) => q.id))('%s: the same rows over what is left', (id) => {
    expect(rowDifferences(both.athena.kpis[id]!, both.duckdb.kpis[id]!)).toEqual([]);
  });

  it('an empty lake: one row of zeros and no percentiles on Trino, as on DuckDB', async () => {
    // Only the totals (aggregates and percentiles over no rows): each statement costs Trino seconds.
    const lakeDir = join(await mkdtemp(join(tmpdir(), 'rpt-trino-empty-')), 'lake');
    const schema = testSchema('empty');
    await createLakeTables(schema, lakeDir);
    const engine = new AthenaSqlEngine({ client: new AthenaOverTrino(), database: schema, workgroup: 'trino', pollMs: 1 });
    const bounds = literalBounds(BAD_LAKE_WINDOW, engine.dialect);
    await engine.define(ALIASES.flatMap(([alias, table]) => lakeRelations(alias, table, engine.tableSource(table), engine.dialect, bounds, KPI_COLUMNS[alias])));
    const totals = KPI_QUERIES.find((q) => q.id === 'totals')!;
    expect(await engine.query('totals', totals.sql(engine.dialect)))
      .toEqual([{ transactions: 0, blocked: 0, reviewed: 0, blocked_amount: 0, total_amount: 0, ttdf_p50: null, ttdf_p95: null, ttdf_p99: null }]);
  }, TRINO_TIMEOUT);
});
