import { readFile } from 'node:fs/promises';
import pkg from 'node-sql-parser';
import { KPI_QUERIES } from '../../src/kpis/kpiQueries.js';
import { generatedResources, namedQuerySql } from '../../src/schema/cloudFormation.js';
import { TRANSACTIONS } from '../../src/schema/lakeTables.js';
import { glueType } from '../../src/schema/typeNames.js';
import { athenaDialect, duckDbDialect } from '../../src/sql/Dialect.js';

const { Parser } = pkg as unknown as { Parser: new () => { astify(sql: string, opt: { database: string }): unknown } };
const parser = new Parser();
const parsesAsTrino = (sql: string) => { try { parser.astify(sql, { database: 'trino' }); return true; } catch { return false; } };
const SEED_QUERY = `SELECT transaction_amt, email_address, event_id, CAST(from_iso8601_timestamp(event_time) AS timestamp) event_ts, fd.outcome
FROM sfc_lake_dev.transactions WHERE dt = '2026-11-25' AND hour = '10'`;

describe('Generated Glue/Athena resources', () => {
  it('the committed resources/generated/lake-resources.json is up to date (npm run generate -w @sfc/rpt)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../resources/generated/lake-resources.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(generatedResources());
  });

  it('maps the ScoredTransaction schema to Hive/Glue column types', () => {
    const type = (name: string) => glueType(TRANSACTIONS.columns.find((c) => c.name === name)!.type);
    expect(TRANSACTIONS.columns.map((c) => c.name)).toHaveLength(20);
    expect(type('transaction_amt')).toBe('double');
    expect(type('card_bin')).toBe('bigint');
    expect(type('event_time')).toBe('string');
    expect(type('fd')).toBe('struct<outcome:string,score:bigint,model_version:string,reasons:array<string>,ttdf_ms:double,proc_time_ms:double,model_time_ms:double>');
  });

  it('declares partition projection on dt and hour over processed/, read with the OpenX JSON SerDe', () => {
    const table = generatedResources().Resources.TransactionsTable as any;
    const input = table.Properties.TableInput;
    expect(input.PartitionKeys).toEqual([{ Name: 'dt', Type: 'string' }, { Name: 'hour', Type: 'string' }]);
    expect(input.Parameters['projection.enabled']).toBe('true');
    expect(input.Parameters['projection.dt.format']).toBe('yyyy-MM-dd');
    expect(input.Parameters['projection.hour.digits']).toBe('2');
    expect(input.Parameters['storage.location.template']['Fn::Join'][1][2]).toBe('/processed/dt=${dt}/hour=${hour}/');
    expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
  });

  it('the seed query parses as Trino SQL and only uses columns the table declares', () => {
    expect(parsesAsTrino(SEED_QUERY)).toBe(true);
    const names = new Set(TRANSACTIONS.columns.map((c) => c.name));
    for (const c of ['transaction_amt', 'email_address', 'event_id', 'event_time', 'fd']) expect(names.has(c)).toBe(true);
    expect(glueType(TRANSACTIONS.columns.find((c) => c.name === 'fd')!.type)).toContain('outcome:string');
  });

  it.each(KPI_QUERIES.map((q) => [q.id, q] as const))('named query %s parses as Trino SQL', (_id, q) => {
    expect(parsesAsTrino(namedQuerySql(q.sql(athenaDialect), 'sfc_lake_dev'))).toBe(true);
  });

  it('the parser tells the dialects apart (DuckDB lambda syntax is not Trino)', () => {
    const entity = KPI_QUERIES.find((q) => q.id === 'entity_types')!;
    expect(parsesAsTrino(entity.sql(athenaDialect))).toBe(true);
    expect(parsesAsTrino(entity.sql(duckDbDialect))).toBe(false);
  });
});
