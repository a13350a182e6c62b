import type { GroupColumn } from './Dialect.js';

/**
 * Exact continuous percentiles for Athena (Trino), defined as DuckDB's `quantile_cont` (linear
 * interpolation between the closest ranks), which Trino lacks: count each distinct value per group,
 * accumulate the counts in value order, and read the values at ranks floor(pos) and floor(pos) + 1
 * (0-based), pos = (n - 1) * p. The work grows with the distinct values per group, not the rows (ttdf
 * is whole milliseconds), so it stays exact at Athena's scale: only distinct values are sorted.
 * (On DuckDB the same SQL cost 5x quantile_cont per minute over a million rows, so DuckDB keeps that.)
 */
export function exactPercentilesSql(from: string, value: string, groups: GroupColumn[], ps: Record<string, number>): string {
  const g = groups.map((c) => c.as);
  const partition = g.length > 0 ? `PARTITION BY ${g.join(', ')} ` : '';
  const groupBy = g.length > 0 ? `\n  GROUP BY ${g.join(', ')}` : '';
  const keep = g.map((c) => `${c}, `).join('');
  // pos in double (an `e0` literal: a plain 0.95 is DECIMAL in both engines), as quantile_cont computes it.
  const pos = (p: number) => `(n_total - 1) * ${p}e0`;
  const picks = Object.entries(ps).map(([name, p]) => `min(CASE WHEN upto > floor(${pos(p)}) THEN v END) AS ${name}_lo,
    min(CASE WHEN upto > floor(${pos(p)}) + 1 THEN v END) AS ${name}_hi`).join(',\n    ');
  const interpolate = Object.entries(ps).map(([name, p]) =>
    `${name}_lo + (coalesce(${name}_hi, ${name}_lo) - ${name}_lo) * (${pos(p)} - floor(${pos(p)})) AS ${name}`).join(',\n  ');
  return `SELECT ${keep}${interpolate}
  FROM (SELECT ${keep}max(n_total) AS n_total,
    ${picks}
    FROM (SELECT ${keep}v, sum(n) OVER (${partition}ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto,
      sum(n) OVER (${partition.trim()}) AS n_total
      FROM (SELECT ${groups.map((c) => `${c.expr} AS ${c.as}, `).join('')}${value} AS v, count(*) AS n
        FROM ${from} WHERE ${value} IS NOT NULL GROUP BY ${[...groups.map((c) => c.expr), value].join(', ')}) counts
    ) ranked${groupBy}) picked`;
}
