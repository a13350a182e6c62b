import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Cell, Relation, Row, SqlEngine } from '../ports/SqlEngine.js';
import type { LakeTable } from '../schema/lakeTables.js';
import { duckType } from '../schema/typeNames.js';
import { duckDbDialect, sqlString } from '../sql/Dialect.js';
import { QueryError } from '../errors.js';
import { lakeObjects } from './duckdb/lakeObjects.js';
import { ParquetCache } from './duckdb/parquetCache.js';

/** Converts DuckDB's JS values (BIGINT as bigint, DECIMAL as objects) to plain JSON-able cells. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  const n = Number(String(value));
  return Number.isNaN(n) ? String(value) : n;
}

export interface DuckDbEngineOptions {
  /** The lake bucket's folder (`<DATA_DIR>/<LAKE_BUCKET>`). */
  lakeDir: string;
  /** Folder for the per-object Parquet cache; without it every run parses the JSON again. */
  cacheDir?: string;
  threads?: number;
}

/**
 * DuckDB over the local lake (JSON Lines objects). Per-object relations (validation + narrowing) are
 * read from a Parquet cache (one file per partition folder) when one is configured, else straight from the JSON; the KPI relations
 * built on them are materialised as temp tables, so every KPI query runs over memory.
 */
export class DuckDbSqlEngine implements SqlEngine {
  readonly dialect = duckDbDialect;
  private readonly cache?: ParquetCache;

  private constructor(private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection, private readonly options: DuckDbEngineOptions) {
    if (options.cacheDir) this.cache = new ParquetCache(options.cacheDir);
  }

  /** Opens an in-memory database over the lake folder. */
  static async create(options: DuckDbEngineOptions): Promise<DuckDbSqlEngine> {
    const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 2) });
    const connection = await instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    return new DuckDbSqlEngine(instance, connection, options);
  }

  tableSource(table: LakeTable, files?: string[]): string {
    const columns = table.columns.map((c) => `${sqlString(c.name)}: ${sqlString(duckType(c.type))}`).join(', ');
    const hiveTypes = table.partitions.map((p) => `${sqlString(p)}: 'VARCHAR'`).join(', ');
    if (files && files.length === 0) {
      // read_json fails on an empty file list; an empty lake is an empty table, not an error.
      const nulls = [...table.columns.map((c) => `CAST(NULL AS ${duckType(c.type)}) AS "${c.name}"`),
        `CAST(NULL AS VARCHAR) AS filename`, ...table.partitions.map((p) => `CAST(NULL AS VARCHAR) AS ${p}`)];
      return `(SELECT ${nulls.join(', ')} WHERE false)`;
    }
    const from = files ? `[${files.map(sqlString).join(', ')}]` : sqlString(join(this.options.lakeDir, table.prefix, ...table.partitions.map(() => '*'), '*.json*'));
    // ignore_errors: a malformed line reads as a row of NULLs, which validation names and counts.
    return `read_json(${from}, columns = {${columns}}, format = 'newline_delimited', ignore_errors = true,
    filename = true, hive_partitioning = true, hive_types = {${hiveTypes}}, maximum_object_size = 16777216)`;
  }

  async define(relations: Relation[]): Promise<void> {
    for (const r of relations) {
      if (r.perObject) await this.run(r.name, `CREATE OR REPLACE TEMP VIEW ${r.name} AS ${await this.perObjectSql(r.name, r.perObject)}`);
      else await this.run(r.name, `CREATE OR REPLACE TEMP TABLE ${r.name} AS ${r.sql}`);
    }
  }

  async query(name: string, sql: string): Promise<Row[]> {
    const reader = await this.run(name, sql);
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toCell(v)])));
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /** The relation over the table's current objects: from cached Parquet (computing what is missing) or the JSON. */
  private async perObjectSql(name: string, rel: NonNullable<Relation['perObject']>): Promise<string> {
    const objects = await lakeObjects(join(this.options.lakeDir, rel.table.prefix));
    if (!this.cache || objects.length === 0) return rel.sqlFor(this.tableSource(rel.table, objects.map((o) => o.path)));
    const template = rel.sqlFor('<source>');
    const ids = this.cache.idsOf(template, objects);
    const present = await this.cache.present(rel.table.name);
    const missing = new Map([...ids].filter(([, id]) => !present.has(id)));
    if (missing.size > 0) {
      await this.cache.prepare(rel.table.name);
      await this.run(name, this.cache.copySql(rel.table.name, rel.sqlFor(this.tableSource(rel.table, [...missing.keys()])), missing));
    }
    await this.cache.prune(rel.table.name, new Set(ids.values()));
    // A folder whose objects hold no rows at all (empty files) writes no Parquet file: nothing to read.
    const files = await this.cache.filesOf(rel.table.name, new Set(ids.values()));
    if (files.length === 0) return rel.sqlFor(this.tableSource(rel.table, []));
    return `SELECT * FROM read_parquet([${files.map(sqlString).join(', ')}])`;
  }

  private async run(name: string, sql: string) {
    try {
      return await this.connection.runAndReadAll(sql);
    } catch (err) {
      throw new QueryError(name, (err as Error).message, { cause: err });
    }
  }
}
