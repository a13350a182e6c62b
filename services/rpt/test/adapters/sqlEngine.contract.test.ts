import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AthenaSqlEngine } from '../../src/adapters/AthenaSqlEngine.js';
import { DuckDbSqlEngine } from '../../src/adapters/DuckDbSqlEngine.js';
import { QueryError } from '../../src/errors.js';
import type { SqlEngine } from '../../src/ports/SqlEngine.js';
import { FakeAthena, execution, recorded } from '../support/fakeAthena.js';

// The same expectations for both adapters: DuckDB runs the SQL for real, Athena replays recorded responses.
const CONTRACT_SQL = `SELECT 1 AS n, 'a' AS s, NULL AS z, 2.5 AS d`;
const engines: [string, () => Promise<SqlEngine>][] = [
  ['DuckDbSqlEngine', async () => DuckDbSqlEngine.create({ lakeDir: await mkdtemp(join(tmpdir(), 'rpt-contract-')) })],
  ['AthenaSqlEngine', async () => new AthenaSqlEngine({
    client: new FakeAthena({ start: [{ QueryExecutionId: 'q-1' }], status: [execution('q-1', 'SUCCEEDED')], results: [recorded('contract-results')] }),
    database: 'sfc_lake_dev', workgroup: 'sfc-reports-dev', pollMs: 1,
  })],
];

describe.each(engines)('SqlEngine contract: %s', (_name, create) => {
  it('returns rows keyed by column name, with numbers as numbers and NULL as null', async () => {
    const engine = await create();
    const rows = await engine.query('contract', CONTRACT_SQL);
    await engine.close();
    expect(rows).toEqual([{ n: 1, s: 'a', z: null, d: 2.5 }]);
  });
});

describe('Class: AthenaSqlEngine', () => {
  const options = { database: 'sfc_lake_dev', workgroup: 'sfc-reports-dev', pollMs: 1 };

  it('starts the query in the workgroup and database, polls until done, and pages through results', async () => {
    // Prepare
    const client = new FakeAthena({
      start: [{ QueryExecutionId: 'q-2' }],
      status: [execution('q-2', 'QUEUED'), execution('q-2', 'RUNNING'), execution('q-2', 'SUCCEEDED')],
      results: [recorded('outcomes-page1'), recorded('outcomes-page2')],
    });
    const engine = new AthenaSqlEngine({ client, ...options });
    await engine.define([{ name: 'tx', sql: 'SELECT * FROM "sfc_lake_dev"."transactions"' }]);

    // Act
    const rows = await engine.query('outcomes_per_minute', 'SELECT minute, outcome, n FROM tx');

    // Assess
    expect(rows).toEqual([
      { minute: 1781085600000, outcome: 'approve', n: 41 },
      { minute: 1781085600000, outcome: 'block', n: 2 },
      { minute: 1781085660000, outcome: 'review', n: 5 },
    ]);
    const start = client.sent[0]!;
    expect(start.name).toBe('StartQueryExecutionCommand');
    expect(start.input).toEqual({
      QueryString: 'WITH tx AS (\nSELECT * FROM "sfc_lake_dev"."transactions"\n)\nSELECT minute, outcome, n FROM tx',
      WorkGroup: 'sfc-reports-dev',
      QueryExecutionContext: { Database: 'sfc_lake_dev' },
    });
    expect(client.sent.filter((c) => c.name === 'GetQueryExecutionCommand')).toHaveLength(3);
    expect(client.sent.filter((c) => c.name === 'GetQueryResultsCommand').map((c) => c.input.NextToken)).toEqual([undefined, 'AUXt2d1Dz0page2']);
  });

  it('turns a failed execution into a QueryError naming the KPI and Athena\'s reason', async () => {
    const client = new FakeAthena({ start: [{ QueryExecutionId: '6c1a2f0e-failed' }], status: [recorded('execution-failed')] });
    const engine = new AthenaSqlEngine({ client, ...options });
    const err = await engine.query('totals', 'SELECT nope FROM tx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).query).toBe('totals');
    expect((err as QueryError).message).toContain('COLUMN_NOT_FOUND');
    expect((err as QueryError).retriable).toBe(false);
  });

  it('wraps SDK errors (throttling is retriable)', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $retryable: { throttling: true } });
    const engine = new AthenaSqlEngine({ client: new FakeAthena({ error: throttled }), ...options });
    const err = (await engine.query('totals', 'SELECT 1').catch((e: unknown) => e)) as QueryError;
    expect(err).toBeInstanceOf(QueryError);
    expect(err.message).toContain('TooManyRequestsException');
    expect(err.retriable).toBe(true);
  });

  it('reads lake tables from the Glue database', () => {
    const engine = new AthenaSqlEngine({ client: new FakeAthena({}), ...options });
    expect(engine.tableSource({ name: 'transactions', prefix: 'processed/', partitions: [], timeColumn: 'event_time', columns: [] }))
      .toBe('"sfc_lake_dev"."transactions"');
  });
});
