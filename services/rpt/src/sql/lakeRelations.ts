import type { LakeTable } from '../schema/lakeTables.js';
import type { Relation } from '../ports/SqlEngine.js';
import type { Dialect } from './Dialect.js';
import { MALFORMED, rejectReasonSql } from './validation.js';
import { sqlString } from './Dialect.js';

/** Half-open time range [from, to) the report covers. */
export interface ReportWindow {
  from: Date;
  to: Date;
}

/** The window as SQL expressions: partition days (yyyy-MM-dd text) and timestamps. */
export interface WindowBounds {
  fromDay: string;
  toDay: string;
  fromTs: string;
  toTs: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Bounds of a fixed window, as literals. */
export function literalBounds(w: ReportWindow, d: Dialect): WindowBounds {
  return {
    fromDay: sqlString(day(w.from)),
    toDay: sqlString(day(w.to)),
    fromTs: d.isoToTimestamp(sqlString(w.from.toISOString())),
    toTs: d.isoToTimestamp(sqlString(w.to.toISOString())),
  };
}

/**
 * Two relations per lake table: `<alias>_raw` (every row in the window's partitions, with its object
 * and the reason it breaks the schema, if any) and `<alias>` (valid rows inside the window, from
 * objects without malformed lines, with `ts` parsed from the table's time column).
 */
export function lakeRelations(alias: string, table: LakeTable, source: string, d: Dialect, w: WindowBounds): Relation[] {
  // Partition pruning: only the dt folders the window touches are listed and read.
  const raw = `SELECT t.*, ${d.objectKey} AS object_key, ${rejectReasonSql(table, d)} AS reject_reason
  FROM ${source} t
  WHERE t.dt BETWEEN ${w.fromDay} AND ${w.toDay}`;
  const ts = d.isoToTimestamp(`"${table.timeColumn}"`);
  const valid = `SELECT r.*, ${ts} AS ts FROM ${alias}_raw r
  WHERE r.reject_reason IS NULL
    AND r.object_key NOT IN (SELECT object_key FROM ${alias}_raw WHERE reject_reason = ${sqlString(MALFORMED)})
    AND ${ts} >= ${w.fromTs}
    AND ${ts} < ${w.toTs}`;
  return [{ name: `${alias}_raw`, sql: raw }, { name: alias, sql: valid }];
}

/** Objects and records the report skipped, with why (counted per object and reason). */
export function rejectsSql(alias: string): string {
  return `SELECT object_key, reject_reason, count(*) AS records FROM ${alias}_raw
  WHERE reject_reason IS NOT NULL GROUP BY object_key, reject_reason ORDER BY object_key, reject_reason`;
}
