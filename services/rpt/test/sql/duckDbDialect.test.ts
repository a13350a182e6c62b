import { DuckDBInstance } from '@duckdb/node-api';
import { duckDbDialect, sqlString } from '../../src/sql/Dialect.js';
import { ISO_CASES } from '../support/isoCases.js';

describe('DuckDB dialect', () => {
  it.each(ISO_CASES)('isoToTimestamp(%s) = %s UTC', async (text, expected) => {
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
