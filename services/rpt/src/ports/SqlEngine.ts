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

/** An object of a lake table that the engine left out before any SQL ran (it could not be placed). */
export interface SkippedObject {
  object: string;
  reason: string;
  records: number;
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
  /**
   * Objects of `table` that `define` left out because they lie outside the partition layout (DuckDB
   * lists the local lake itself). Athena has none to report: its partition projection reads only
   * the projected locations, so such objects are invisible to it rather than skipped.
   */
  skippedObjects?(table: LakeTable): SkippedObject[];
  close(): Promise<void>;
}
