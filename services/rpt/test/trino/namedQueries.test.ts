import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { DuckDbSqlEngine } from '../../src/adapters/DuckDbSqlEngine.js';
import { KPI_QUERIES } from '../../src/kpis/kpiQueries.js';
import { ALIASES, lakeKey, runKpis, type KpiResults } from '../../src/report/runKpis.js';
import { writeLake } from '../support/writeLake.js';
import { athenaRows } from './support/athenaOverTrino.js';
import { createLakeTables, GENERATED, testSchema } from './support/lakeTables.js';
import { TRINO_TIMEOUT } from './support/runOnBoth.js';
import { rowDifferences } from './support/sameRows.js';
import { trinoQuery } from './support/trino.js';

const HOUR = 3_600_000;

/** The template's named queries (`sfc-<kpi>`, `sfc-<alias>_rejects`) with their SQL for a database. */
const NAMED = Object.values(GENERATED.Resources).filter((r) => r.Type === 'AWS::Athena::NamedQuery').map((r) => {
  const [template, vars] = r.Properties.QueryString['Fn::Sub'] as [string, Record<string, unknown>];
  return { name: String(r.Properties.Name).replace(/^sfc-/, ''), template, vars };
});
const sqlFor = (template: string, db: string) => template.replaceAll('${Db}', db);

describe('Named queries of the template, run on Trino over the last 24 hours, equal the DuckDB report', () => {
  const now = new Date();
  const window = { from: new Date(now.getTime() - 24 * HOUR), to: now };
  let lakeDir: string;
  let schema: string;
  let duckdb: KpiResults;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-trino-named-'));
    lakeDir = join(dataDir, 'lake');
    const store = new FsObjectStore(dataDir);
    // Data two hours clear of both ends of the window (the named query's "now" is a little later), and older data outside it.
    // Labels too, none in the last hour: DuckDB reads them up to its "now", the named queries up to theirs.
    const labelsBefore = new Date(now.getTime() - HOUR);
    const lake = await writeLake(store, 'lake', { transactions: 3000, findings: 60, start: new Date(now.getTime() - 20 * HOUR), spanMinutes: 18 * 60, rowsPerObject: 400, collect: true, labelsBefore });
    await writeLake(store, 'lake', { transactions: 300, findings: 0, start: new Date(now.getTime() - 30 * HOUR), spanMinutes: 4 * 60, seed: 5, labelsBefore });
    // Broken records and a truncated object, so the skipped-data queries have something to name.
    const [a, b, c] = lake.transactions.slice(1500, 1503);
    const part = `processed/dt=${a!.event_time.slice(0, 10)}/hour=${a!.event_time.slice(11, 13)}`;
    const broken = [{ ...a!, fd: { ...a!.fd, score: 1.7 } }, { ...b!, transaction_amt: -1 }, { ...c!, fd: { ...c!.fd, outcome: 'maybe' } }];
    await store.put('lake', `${part}/broken-0.jsonl`, `${broken.map((x) => JSON.stringify(x)).join('\n')}\n`);
    await store.put('lake', `${part}/truncated-0.jsonl`, JSON.stringify(a).slice(0, 80));
    const engine = await DuckDbSqlEngine.create({ lakeDir });
    try {
      duckdb = await runKpis(engine, window);
    } finally {
      await engine.close();
    }
    schema = testSchema('named');
    await createLakeTables(schema, lakeDir);
  }, TRINO_TIMEOUT);

  it('the template has one named query per KPI and one per lake table for skipped data, each referencing only ${Db}', () => {
    expect(NAMED.map((q) => q.name).sort()).toEqual([...KPI_QUERIES.map((q) => q.id), ...ALIASES.map(([alias]) => `${alias}_rejects`)].sort());
    for (const q of NAMED) {
      expect(Object.keys(q.vars)).toEqual(['Db']);
      // Fn::Sub would fail the deploy on any other ${...} in the SQL.
      expect(sqlFor(q.template, 'x')).not.toContain('${');
    }
  });

  it.each(KPI_QUERIES.map((q) => q.id))('sfc-%s: the same rows as the DuckDB report', async (id) => {
    const sql = sqlFor(NAMED.find((q) => q.name === id)!.template, schema);
    expect(duckdb.kpis[id]!.length).toBeGreaterThan(0);
    expect(rowDifferences(athenaRows(await trinoQuery(sql, schema)), duckdb.kpis[id]!)).toEqual([]);
  }, TRINO_TIMEOUT);

  it.each(ALIASES.map(([alias, table]) => [alias, table] as const))('sfc-%s_rejects: the same skipped objects, reasons and counts as DuckDB', async (alias, table) => {
    const rows = athenaRows(await trinoQuery(sqlFor(NAMED.find((q) => q.name === `${alias}_rejects`)!.template, schema), schema));
    const named = rows.map((r) => ({ object: lakeKey(String(r.object_key), table), reason: r.reject_reason, records: r.records }));
    expect(named).toEqual(duckdb.rejected.filter((x) => x.object.startsWith(table.prefix)));
    if (alias === 'tx') expect(named.map((x) => x.reason)).toEqual(expect.arrayContaining(['fd.score: not an integer', 'transaction_amt: below 0', 'fd.outcome: not an allowed value']));
  }, TRINO_TIMEOUT);

  it("the seed's query reads a day of the table (every line of its objects, as the README shows it)", async () => {
    const day = new Date(now.getTime() - 20 * HOUR).toISOString().slice(0, 10);
    let lines = 0;
    for (const hour of await readdir(join(lakeDir, 'processed', `dt=${day}`))) {
      for (const f of await readdir(join(lakeDir, 'processed', `dt=${day}`, hour))) {
        lines += (await readFile(join(lakeDir, 'processed', `dt=${day}`, hour, f), 'utf8')).split('\n').filter((l) => l.length > 0).length;
      }
    }
    const r = await trinoQuery(`SELECT transaction_amt, email_address_masked, event_id, CAST(from_iso8601_timestamp(event_time) AS timestamp) event_ts, fd.outcome
FROM ${schema}.transactions WHERE dt = '${day}'`, schema);
    expect(r.columns.map((c) => c.name)).toEqual(['transaction_amt', 'email_address_masked', 'event_id', 'event_ts', 'outcome']);
    expect(r.rows).toHaveLength(lines);
  }, TRINO_TIMEOUT);
});
