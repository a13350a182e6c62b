import { DuckDBInstance } from '@duckdb/node-api';
import { duckDbDialect, sqlString } from '../../src/sql/Dialect.js';

describe('DuckDB dialect', () => {
  it.each([
    ['2026-01-15T17:57:33.636Z', '2026-01-15 17:57:33.636'],
    ['2026-01-15T23:30:00Z', '2026-01-15 23:30:00'],
    // With an offset (the transaction schema allows one): converted to UTC, not cut off.
    ['2026-01-15T17:57:33.636+02:00', '2026-01-15 15:57:33.636'],
    ['2026-01-15T23:30:00-05:30', '2026-01-16 05:00:00'],
    ['2026-02-30T00:00:00Z', null],
    ['not a time', null],
  ])('isoToTimestamp(%s) = %s UTC', async (text, expected) => {
    // Prepare
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    // Act
    const reader = await connection.runAndReadAll(`SELECT CAST(${duckDbDialect.isoToTimestamp(sqlString(text))} AS VARCHAR) AS ts`);
    connection.closeSync();
    instance.closeSync();
    // Assess
    expect(reader.getRowObjectsJS()[0]!.ts).toBe(expected);
  });
});
