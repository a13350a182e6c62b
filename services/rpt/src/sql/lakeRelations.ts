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
 * Two relations per lake table: `<alias>_raw` (every row of every object, with its object, its `dt`
 * partition, `ts` parsed from the time column and the reason it breaks the schema, if any) and
 * `<alias>` (valid rows inside the window, from objects without malformed lines: the KPI columns,
 * `dt` and `ts`). Every column is read to validate a row; only the ones the KPIs use are kept.
 */
export function lakeRelations(alias: string, table: LakeTable, source: string, d: Dialect, w: WindowBounds, columns: string[]): Relation[] {
  // The time column is read and validated but kept only as `ts`; narrower rows are cheaper to materialise.
  const kept = [...new Set(columns)].filter((c) => c !== table.timeColumn);
  const keep = kept.map((c) => `t."${c}"`).join(', ');
  const sqlFor = (from: string) => `SELECT ${keep}, t.dt, ${d.objectKey} AS object_key,
  ${d.isoToTimestamp(`t."${table.timeColumn}"`)} AS ts,
  ${rejectReasonSql(table, d)} AS reject_reason
  FROM ${from} t`;
  // The dt predicates prune partitions: Athena pushes them into the scan (projection), DuckDB into the file list.
  const inDays = `dt BETWEEN ${w.fromDay} AND ${w.toDay}`;
  const valid = `SELECT ${kept.map((c) => `r."${c}"`).join(', ')}, r.dt, r.ts FROM ${alias}_raw r
  WHERE r.${inDays}
    AND r.reject_reason IS NULL
    AND r.object_key NOT IN (SELECT object_key FROM ${alias}_raw WHERE ${inDays} AND reject_reason = ${sqlString(MALFORMED)})
    AND r.ts >= ${w.fromTs}
    AND r.ts < ${w.toTs}`;
  return [{ name: `${alias}_raw`, sql: sqlFor(source), perObject: { table, sqlFor } }, { name: alias, sql: valid }];
}

/** Objects and records in the window's partitions the report skipped, with why (counted per object and reason). */
export function rejectsSql(alias: string, w: WindowBounds): string {
  return `SELECT object_key, reject_reason, count(*) AS records FROM ${alias}_raw
  WHERE dt BETWEEN ${w.fromDay} AND ${w.toDay} AND reject_reason IS NOT NULL
  GROUP BY object_key, reject_reason ORDER BY object_key, reject_reason`;
}
