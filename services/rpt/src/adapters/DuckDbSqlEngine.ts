import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Cell, Relation, Row, SqlEngine } from '../ports/SqlEngine.js';
import type { LakeTable } from '../schema/lakeTables.js';
import { duckType } from '../schema/typeNames.js';
import { duckDbDialect, sqlString } from '../sql/Dialect.js';
import { QueryError } from '../errors.js';

/** Converts DuckDB's JS values (BIGINT as bigint, DECIMAL as objects) to plain JSON-able cells. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  const n = Number(String(value));
  return Number.isNaN(n) ? String(value) : n;
}

/**
 * DuckDB over the local lake (a folder of JSON Lines objects). Relations are materialised as temp
 * tables, so the lake is read and validated once and every KPI query runs over memory.
 */
export class DuckDbSqlEngine implements SqlEngine {
  readonly dialect = duckDbDialect;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly lakeDir: string,
    private readonly present: Set<string>,
  ) {}

  /** Opens an in-memory database over `lakeDir` (the lake bucket's folder). */
  static async create(options: { lakeDir: string; threads?: number }): Promise<DuckDbSqlEngine> {
    const instance = await DuckDBInstance.create(':memory:', { threads: String(options.threads ?? 2) });
    const connection = await instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    const present = new Set<string>();
    for (const top of await readdir(options.lakeDir).catch(() => [] as string[])) {
      const files = await readdir(join(options.lakeDir, top), { recursive: true }).catch(() => [] as string[]);
      if (files.some((f) => f.endsWith('.json') || f.endsWith('.jsonl'))) present.add(`${top}/`);
    }
    return new DuckDbSqlEngine(instance, connection, options.lakeDir, present);
  }

  tableSource(table: LakeTable): string {
    const columns = table.columns.map((c) => `${sqlString(c.name)}: ${sqlString(duckType(c.type))}`).join(', ');
    const hiveTypes = table.partitions.map((p) => `${sqlString(p)}: 'VARCHAR'`).join(', ');
    if (!this.present.has(table.prefix)) {
      // read_json fails on a glob that matches nothing; an empty lake is an empty table, not an error.
      const nulls = [...table.columns.map((c) => `CAST(NULL AS ${duckType(c.type)}) AS "${c.name}"`),
        `CAST(NULL AS VARCHAR) AS filename`, ...table.partitions.map((p) => `CAST(NULL AS VARCHAR) AS ${p}`)];
      return `(SELECT ${nulls.join(', ')} WHERE false)`;
    }
    const glob = join(this.lakeDir, table.prefix, ...table.partitions.map(() => '*'), '*.json*');
    return `read_json(${sqlString(glob)}, columns = {${columns}}, format = 'newline_delimited', ignore_errors = true,
    filename = true, hive_partitioning = true, hive_types = {${hiveTypes}}, maximum_object_size = 16777216)`;
  }

  async define(relations: Relation[]): Promise<void> {
    for (const r of relations) await this.run(r.name, `CREATE OR REPLACE TEMP TABLE ${r.name} AS ${r.sql}`);
  }

  async query(name: string, sql: string): Promise<Row[]> {
    const reader = await this.run(name, sql);
    return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toCell(v)])));
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async run(name: string, sql: string) {
    try {
      return await this.connection.runAndReadAll(sql);
    } catch (err) {
      throw new QueryError(name, (err as Error).message, { cause: err });
    }
  }
}
