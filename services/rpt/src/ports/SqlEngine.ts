import type { Dialect } from '../sql/Dialect.js';
import type { LakeTable } from '../schema/lakeTables.js';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/** A named SELECT that later queries may reference by name. */
export interface Relation {
  name: string;
  sql: string;
  /**
   * Set when the relation is a row-by-row function of one lake table's objects (no window, no
   * aggregation): `sqlFor(source)` rebuilds it over any subset of objects, so an engine may compute
   * it per object and cache the result.
   */
  perObject?: { table: LakeTable; sqlFor(source: string): string };
}

/** Runs the report's SQL: DuckDB over the local lake, Athena over the Glue tables. */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** A relation that reads every object of a lake table, with its partition columns. */
  tableSource(table: LakeTable): string;
  /** Makes `relations` available to later queries (materialised or inlined as WITH, per engine). */
  define(relations: Relation[]): Promise<void>;
  /** Runs one query; `name` labels it in errors and logs. Numbers come back as JS numbers. */
  query(name: string, sql: string): Promise<Row[]>;
  close(): Promise<void>;
}
