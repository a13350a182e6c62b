import { athenaDialect, sqlString } from '../../src/sql/Dialect.js';
import { ISO_CASES } from '../support/isoCases.js';
import { trinoQuery } from './support/trino.js';
import { trinoType } from './support/lakeTables.js';
import { TRINO_TIMEOUT } from './support/runOnBoth.js';

const scalar = async (sql: string) => (await trinoQuery(`SELECT ${sql}`)).rows[0]![0];

describe('Athena dialect on Trino', () => {
  it.each(ISO_CASES)('isoToTimestamp(%s) = %s UTC, as on DuckDB', async (text, expected) => {
    const ms = await scalar(athenaDialect.epochMs(athenaDialect.isoToTimestamp(sqlString(text))));
    expect(ms).toBe(expected === null ? null : Date.parse(`${expected.replace(' ', 'T')}Z`));
  }, TRINO_TIMEOUT);

  it('masks emails like DuckDB (Java regex back-references)', async () => {
    expect(await scalar(athenaDialect.maskEmail(sqlString('jane.doe@example.com')))).toBe('j***@example.com');
  }, TRINO_TIMEOUT);

  it('a DECIMAL division is why score buckets were wrong: 49 / 50.0 rounds to 1.0 on Trino', async () => {
    // The old bucketing; the KPI now divides in double (its buckets are checked in kpiParity.test.ts).
    expect(await scalar('floor(49 / 50.0)')).toBe('1');
    expect(await scalar('floor(CAST(49 AS double) / 50)')).toBe(0);
  }, TRINO_TIMEOUT);
});

describe('Hive type strings of the Glue tables as Trino types', () => {
  it.each([
    ['string', 'varchar'],
    ['double', 'double'],
    ['array<string>', 'ARRAY(varchar)'],
    ['map<string,double>', 'MAP(varchar, double)'],
    ['struct<outcome:string,reasons:array<string>,end:double>', 'ROW("outcome" varchar, "reasons" ARRAY(varchar), "end" double)'],
    ['array<struct<type:string,page:double>>', 'ARRAY(ROW("type" varchar, "page" double))'],
  ])('%s is %s', (hive, trino) => {
    expect(trinoType(hive)).toBe(trino);
  });

  it.each(['struct<a:string', 'map<string>', 'uniontype<int,string>', 'array<string>>'])('rejects %s', (hive) => {
    expect(() => trinoType(hive)).toThrow(/Hive type/);
  });
});
