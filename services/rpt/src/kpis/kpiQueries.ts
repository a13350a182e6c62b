import type { Dialect } from '../sql/Dialect.js';

/** One KPI: written once, rendered for an engine by its dialect. `tx` and `findings` are the valid rows in the window. */
export interface KpiQuery {
  id: string;
  title: string;
  sql(d: Dialect): string;
}

/** Columns of each relation the queries below read (the relations keep only these). */
export const KPI_COLUMNS: Record<'tx' | 'findings', string[]> = {
  tx: ['event_id', 'transaction_amt', 'product_category', 'billing_state', 'email_address_masked', 'fd'],
  findings: ['verdict', 'quarantine_reason', 'entities'],
};

const BLOCKED = `CASE WHEN "fd"."outcome" = 'block' THEN 1 ELSE 0 END`;
const TTDF = '"fd"."ttdf_ms"';
const minute = (d: Dialect) => d.epochMs(`date_trunc('minute', ts)`);
const rateBy = (column: string, alias: string) => (): string => `SELECT ${column} AS ${alias}, count(*) AS total, sum(${BLOCKED}) AS blocked,
  CAST(sum(${BLOCKED}) AS double) / count(*) AS block_rate
  FROM tx GROUP BY ${column} ORDER BY block_rate DESC, ${alias}`;

export const KPI_QUERIES: KpiQuery[] = [
  {
    id: 'totals',
    title: 'Totals',
    sql: (d) => `SELECT transactions, blocked, reviewed, blocked_amount, total_amount, ttdf_p50, ttdf_p95, ttdf_p99
  FROM (SELECT count(*) AS transactions,
    coalesce(sum(${BLOCKED}), 0) AS blocked,
    coalesce(sum(CASE WHEN "fd"."outcome" = 'review' THEN 1 ELSE 0 END), 0) AS reviewed,
    coalesce(sum(CASE WHEN "fd"."outcome" = 'block' THEN transaction_amt ELSE 0 END), 0) AS blocked_amount,
    coalesce(sum(transaction_amt), 0) AS total_amount
    FROM tx) totals
  CROSS JOIN (${d.percentiles('tx', TTDF, [], { ttdf_p50: 0.5, ttdf_p95: 0.95, ttdf_p99: 0.99 })}) ttdf`,
  },
  {
    id: 'outcomes_per_minute',
    title: 'Outcomes per minute',
    sql: (d) => `SELECT ${minute(d)} AS minute, "fd"."outcome" AS outcome, count(*) AS n
  FROM tx GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    id: 'blocked_amount_per_hour',
    title: 'Blocked amount per hour',
    sql: (d) => `SELECT ${d.epochMs(`date_trunc('hour', ts)`)} AS hour, sum(transaction_amt) AS amount, count(*) AS n
  FROM tx WHERE "fd"."outcome" = 'block' GROUP BY 1 ORDER BY 1`,
  },
  { id: 'block_rate_by_category', title: 'Block rate by product category', sql: rateBy('product_category', 'category') },
  { id: 'block_rate_by_state', title: 'Block rate by state', sql: rateBy('billing_state', 'state') },
  {
    id: 'ttdf_percentiles',
    title: 'Time to detect fraud (ms)',
    sql: (d) => `SELECT minute, p50, p95, p99
  FROM (${d.percentiles('tx', TTDF, [{ expr: minute(d), as: 'minute' }], { p50: 0.5, p95: 0.95, p99: 0.99 })}) per_minute
  ORDER BY minute`,
  },
  {
    id: 'score_distribution',
    title: 'Score distribution',
    // In double: Trino types `score / 50.0` as a DECIMAL rounded to one place, so 49 landed in bucket 50.
    sql: () => `SELECT CAST(floor(CAST("fd"."score" AS double) / 50) * 50 AS integer) AS bucket, "fd"."outcome" AS outcome, count(*) AS n
  FROM tx GROUP BY 1, 2 ORDER BY 1, 2`,
  },
  {
    id: 'latest_blocked',
    title: 'Latest blocked transactions',
    sql: (d) => `SELECT ${d.epochMs('ts')} AS time, event_id, transaction_amt AS amount, product_category AS category,
  billing_state AS state, "fd"."score" AS score, email_address_masked AS email
  FROM tx WHERE "fd"."outcome" = 'block' ORDER BY ts DESC, event_id LIMIT 20`,
  },
  {
    id: 'documents_by_verdict',
    title: 'Documents by verdict',
    sql: () => `SELECT verdict, count(*) AS n FROM findings GROUP BY verdict ORDER BY n DESC, verdict`,
  },
  {
    id: 'entity_types',
    title: 'PII entity types found',
    sql: (d) => `SELECT u.entity_type, count(*) AS n
  FROM findings CROSS JOIN UNNEST(${d.arrayField('entities', 'type')}) AS u(entity_type)
  GROUP BY u.entity_type ORDER BY n DESC, u.entity_type`,
  },
  {
    id: 'quarantine_reasons',
    title: 'Quarantine reasons',
    sql: () => `SELECT coalesce(quarantine_reason, '(none given)') AS reason, count(*) AS n
  FROM findings WHERE verdict = 'quarantine' GROUP BY 1 ORDER BY n DESC, reason`,
  },
];
