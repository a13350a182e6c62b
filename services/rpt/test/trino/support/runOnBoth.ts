import { join } from 'node:path';
import { AthenaSqlEngine } from '../../../src/adapters/AthenaSqlEngine.js';
import { DuckDbSqlEngine } from '../../../src/adapters/DuckDbSqlEngine.js';
import { runKpis, type KpiResults } from '../../../src/report/runKpis.js';
import type { ReportWindow } from '../../../src/sql/lakeRelations.js';
import { AthenaOverTrino } from './athenaOverTrino.js';
import { createLakeTables, testSchema } from './lakeTables.js';

/**
 * Timeout of a hook or test that runs the report's statements on Trino: each is planned and compiled
 * afresh (seconds each on two busy cores, the first one tens of seconds while the JVM warms up).
 */
export const TRINO_TIMEOUT = 600_000;

export interface BothEngines {
  duckdb: KpiResults;
  athena: KpiResults;
  /** Trino schema holding the lake's tables. */
  schema: string;
  /** Every statement AthenaSqlEngine sent. */
  statements: string[];
}

/**
 * Runs the whole report (validation, every KPI, skipped data; labels up to `labelsTo`) over the same lake on both engines:
 * DuckDB over the folder, and AthenaSqlEngine over the lake's Glue tables created on Trino.
 */
export async function runOnBoth(dataDir: string, window: ReportWindow, name: string, labelsTo = window.to): Promise<BothEngines> {
  const lakeDir = join(dataDir, 'lake');
  const duck = await DuckDbSqlEngine.create({ lakeDir });
  let duckdb: KpiResults;
  try {
    duckdb = await runKpis(duck, window, undefined, labelsTo);
  } finally {
    await duck.close();
  }
  const schema = testSchema(name);
  await createLakeTables(schema, lakeDir);
  const client = new AthenaOverTrino();
  const athena = await runKpis(new AthenaSqlEngine({ client, database: schema, workgroup: 'trino', pollMs: 1 }), window, undefined, labelsTo);
  return { duckdb, athena, schema, statements: client.statements };
}
