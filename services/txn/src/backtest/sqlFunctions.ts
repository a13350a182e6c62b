import { sqlString, type Dialect } from '../../../rpt/src/sql/Dialect.js';

/**
 * What the rule SQL needs beyond rpt's Dialect, per engine: JavaScript's number semantics. DuckDB
 * orders NaN above every number (`NaN > 1` is true) where JavaScript and Trino make every comparison
 * with NaN false, so on DuckDB an arithmetic result that is NaN becomes NULL (and a comparison with
 * NULL is made false by the caller). Integers print as JavaScript's String() does.
 */
export interface RuleSqlFunctions {
  nanToNull(expr: string): string;
  /** A number's text as JavaScript's String() writes it (exact for integers below 10^15). */
  numberText(expr: string): string;
  /** Removes every match of `pattern` (DuckDB's regexp_replace replaces the first one without 'g'). */
  removeAll(expr: string, pattern: string): string;
}

const numberText = (e: string) => `CASE WHEN ${e} = floor(${e}) AND abs(${e}) < 1e15 THEN CAST(CAST(${e} AS BIGINT) AS VARCHAR) ELSE CAST(${e} AS VARCHAR) END`;

export function ruleSqlFunctions(d: Dialect): RuleSqlFunctions {
  // DuckDB: NaN = NaN is true there, so nullif() catches it.
  if (d.name === 'duckdb') return { nanToNull: (e) => `nullif(${e}, CAST('NaN' AS DOUBLE))`, numberText, removeAll: (e, p) => `regexp_replace(${e}, ${sqlString(p)}, '', 'g')` };
  // Trino already compares NaN as false (IEEE); its double/0 is Infinity as in JavaScript.
  return { nanToNull: (e) => e, numberText, removeAll: (e, p) => `regexp_replace(${e}, ${sqlString(p)}, '')` };
}
