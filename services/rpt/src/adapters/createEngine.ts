import { join, resolve } from 'node:path';
import { AthenaClient } from '@aws-sdk/client-athena';
import type { ConfigOf } from '@sfc/shared';
import type { rptConfig } from '../config.js';
import type { SqlEngine } from '../ports/SqlEngine.js';
import { AthenaSqlEngine } from './AthenaSqlEngine.js';

type RptConfig = ConfigOf<typeof rptConfig>;

let athena: AthenaClient | undefined;

/**
 * The engine SQL_ENGINE names. DuckDB is imported dynamically (and kept external by esbuild), so
 * the Lambda bundle, which runs Athena, never loads the DuckDB native module.
 */
export async function createEngine(config: RptConfig): Promise<SqlEngine> {
  if (config.SQL_ENGINE === 'duckdb') {
    const { DuckDbSqlEngine } = await import('./DuckDbSqlEngine.js');
    const dataDir = resolve(config.DATA_DIR);
    return DuckDbSqlEngine.create({ lakeDir: join(dataDir, config.LAKE_BUCKET), cacheDir: join(dataDir, 'cache', 'rpt') });
  }
  athena ??= new AthenaClient(config.AWS_ENDPOINT_URL ? { endpoint: config.AWS_ENDPOINT_URL } : {});
  return new AthenaSqlEngine({ client: athena, database: config.GLUE_DATABASE, workgroup: config.ATHENA_WORKGROUP, pollMs: config.ATHENA_POLL_MS });
}
