import type { Dialect } from '../sql/Dialect.js';

/**
 * One KPI: written once, rendered for an engine by its dialect. `tx` and `findings` are the valid rows
 * in the window; `labels` the valid labels from the window's start to when the report runs (labels
 * arrive after their transactions, so one for a transaction in the window counts however late it came).
 */
export interface KpiQuery {
  id: string;
  title: string;
  sql(d: Dialect): string;
}

/** Columns of each relation the queries below read (the relations keep only these). */
export const KPI_COLUMNS: Record<'tx' | 'findings' | 'labels', string[]> = {
  tx: ['event_id', 'transaction_amt', 'product_category', 'billing_state', 'email_address_masked', 'fd', 'fd_shadow'],
  findings: ['verdict', 'quarantine_reason', 'entities'],
  labels: ['event_id', 'label', 'source'],
};

const BLOCKED = `CASE WHEN "fd"."outcome" = 'block' THEN 1 ELSE 0 END`;
const TTDF = '"fd"."ttdf_ms"';
const minute = (d: Dialect) => d.epochMs(`date_trunc('minute', ts)`);
const rateBy = (column: string, alias: string) => (): string => `SELECT ${column} AS ${alias}, count(*) AS total, sum(${BLOCKED}) AS blocked,
  CAST(sum(${BLOCKED}) AS double) / count(*) AS block_rate
  FROM tx GROUP BY ${column} ORDER BY block_rate DESC, ${alias}`;

/** Sources whose label closes a review: a person deciding its case, or a person's decisions imported as CSV. */
export const DECIDING_SOURCES = ['analyst', 'import'] as const;

/** Rule ids of the detector txn builds from BLOCK_THRESHOLD / REVIEW_THRESHOLD when no detector version or file decides. */
export const THRESHOLD_RULES = { block: 'block_threshold', review: 'review_threshold' } as const;

/** Each labelled event's latest label (an event's latest label_time wins; on a tie `fraud` before `legit`), from `where` labels only. */
const latestLabel = (where: string) => `SELECT event_id, label FROM (SELECT event_id, label,
    row_number() OVER (PARTITION BY event_id ORDER BY ts DESC, label ASC, source ASC NULLS LAST) AS k
    FROM labels${where ? ` WHERE ${where}` : ''}) ranked WHERE k = 1`;
const deciding = `source IN (${DECIDING_SOURCES.map((s) => `'${s}'`).join(', ')})`;
const REVIEWS = `SELECT event_id, ts FROM tx WHERE "fd"."outcome" = 'review'`;

/** Lowest score a threshold rule matched at, among rows decided by the thresholds (no detector version). */
const thresholdSeen = (d: Dialect, outcome: 'block' | 'review') => `min(CASE WHEN "fd"."detector_version" IS NULL
    AND (contains(${d.arrayField('"fd"."rules"', 'rule_id')}, '${THRESHOLD_RULES[outcome]}') OR ("fd"."rules" IS NULL AND "fd"."outcome" = '${outcome}'))
    THEN "fd"."score" END)`;

/**
 * Rows a SHADOW version decided beside the live decision, one per transaction: the pair of versions
 * (live `(none)`: the thresholds decided), both outcomes, and with `labelled` the event's latest label
 * of any source. Rows without `fd_shadow` (no shadow then, a replay, a shadow that failed) are not compared.
 */
const shadowed = (labelled: boolean) => {
  const rows = `SELECT event_id, ts, coalesce("fd"."detector_version", '(none)') AS live_version, "fd_shadow"."detector_version" AS shadow_version,
    "fd"."outcome" AS live, "fd_shadow"."outcome" AS shadow
    FROM tx WHERE "fd_shadow" IS NOT NULL`;
  return labelled ? `SELECT s.*, l.label FROM (${rows}) s LEFT JOIN (${latestLabel('')}) l ON l.event_id = s.event_id` : rows;
};
const countIf = (cond: string) => `coalesce(sum(CASE WHEN ${cond} THEN 1 ELSE 0 END), 0)`;
const ratio = (num: string, den: string) => `CAST(${num} AS double) / nullif(${den}, 0)`;
/** One side's rates over the pair's rows, and over its labelled rows: precision of block and of review, recall of frauds (block or review). */
const sideSql = (side: 'live' | 'shadow') => {
  const is = (o: string) => `${side} = '${o}'`;
  const labelledAs = (o: string) => countIf(`${is(o)} AND label IS NOT NULL`);
  return `${ratio(countIf(is('block')), 'count(*)')} AS ${side}_block_rate,
  ${ratio(countIf(is('review')), 'count(*)')} AS ${side}_review_rate,
  ${labelledAs('block')} AS ${side}_blocks_labelled,
  ${ratio(countIf(`${is('block')} AND label = 'fraud'`), labelledAs('block'))} AS ${side}_block_precision,
  ${labelledAs('review')} AS ${side}_reviews_labelled,
  ${ratio(countIf(`${is('review')} AND label = 'fraud'`), labelledAs('review'))} AS ${side}_review_precision,
  ${ratio(countIf(`label = 'fraud' AND ${side} IN ('block', 'review')`), countIf(`label = 'fraud'`))} AS ${side}_recall`;
};

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
    id: 'score_thresholds',
    title: 'Score thresholds seen',
    // The thresholds are txn's settings (or its model report's), not in the lake; what the lake shows is
    // the lowest score each threshold rule matched at. Rows written before rules existed (no fd.rules)
    // were decided by the thresholds alone, so their outcome stands for the rule.
    sql: (d) => `SELECT ${thresholdSeen(d, 'review')} AS review_from, ${thresholdSeen(d, 'block')} AS block_from,
  coalesce(sum(CASE WHEN "fd"."detector_version" IS NULL THEN 1 ELSE 0 END), 0) AS without_version
  FROM tx`,
  },
  {
    id: 'rule_hits',
    title: 'Rule hits',
    sql: (d) => `SELECT u.rule_id, "fd"."outcome" AS outcome, count(*) AS n
  FROM tx CROSS JOIN UNNEST(${d.arrayField('"fd"."rules"', 'rule_id')}) AS u(rule_id)
  GROUP BY u.rule_id, "fd"."outcome" ORDER BY u.rule_id, outcome`,
  },
  {
    id: 'detector_versions',
    title: 'Detector versions live',
    sql: (d) => `SELECT coalesce("fd"."detector_version", '(none)') AS detector_version, count(*) AS n,
  CAST(count(*) AS double) / sum(count(*)) OVER () AS share,
  ${d.epochMs('min(ts)')} AS first_seen, ${d.epochMs('max(ts)')} AS last_seen
  FROM tx GROUP BY coalesce("fd"."detector_version", '(none)') ORDER BY n DESC, detector_version`,
  },
  {
    id: 'shadow_versions',
    title: 'Shadow versions compared with the live decision',
    // Per (live, shadow) version pair, over the rows that carry fd_shadow only. Precision and recall
    // rest on the labelled rows (the event's latest label of any source), counted beside them.
    sql: (d) => `SELECT live_version, shadow_version, count(*) AS n,
  ${countIf('live = shadow')} AS agreed,
  ${ratio(countIf('live = shadow'), 'count(*)')} AS agreement,
  count(label) AS labelled,
  ${countIf(`label = 'fraud'`)} AS labelled_fraud,
  ${sideSql('live')},
  ${sideSql('shadow')},
  ${d.epochMs('min(ts)')} AS first_seen, ${d.epochMs('max(ts)')} AS last_seen
  FROM (${shadowed(true)}) p
  GROUP BY live_version, shadow_version ORDER BY n DESC, live_version, shadow_version`,
  },
  {
    id: 'shadow_matrix',
    title: 'Live outcome by shadow outcome',
    sql: () => `SELECT live_version, shadow_version, live AS live_outcome, shadow AS shadow_outcome, count(*) AS n
  FROM (${shadowed(false)}) p
  GROUP BY live_version, shadow_version, live, shadow ORDER BY live_version, shadow_version, live_outcome, shadow_outcome`,
  },
  {
    id: 'review_queue',
    title: 'Review queue (from the lake)',
    // A review is decided once an analyst or an import labelled it; its label is the latest of those.
    // Labelled fraud by any source: the event's latest label of any source (a chargeback feed included).
    sql: (d) => `SELECT count(*) AS reviews,
  count(p.event_id) AS decided,
  count(*) - count(p.event_id) AS open,
  coalesce(sum(CASE WHEN p.label = 'fraud' THEN 1 ELSE 0 END), 0) AS decided_fraud,
  CAST(sum(CASE WHEN p.label = 'fraud' THEN 1 ELSE 0 END) AS double) / nullif(count(p.event_id), 0) AS decided_fraud_share,
  count(a.event_id) AS labelled,
  coalesce(sum(CASE WHEN a.label = 'fraud' THEN 1 ELSE 0 END), 0) AS labelled_fraud,
  CAST(sum(CASE WHEN a.label = 'fraud' THEN 1 ELSE 0 END) AS double) / nullif(count(*), 0) AS fraud_share,
  ${d.epochMs('min(CASE WHEN p.event_id IS NULL THEN r.ts END)')} AS oldest_open_time
  FROM (${REVIEWS}) r
  LEFT JOIN (${latestLabel(deciding)}) p ON p.event_id = r.event_id
  LEFT JOIN (${latestLabel('')}) a ON a.event_id = r.event_id`,
  },
  {
    id: 'review_decisions_per_day',
    title: 'Review decisions per day',
    // Every label of a review in the window, by the (UTC) day it was given and its source.
    sql: (d) => `SELECT ${d.epochMs(`date_trunc('day', ts)`)} AS day, coalesce(source, '(none)') AS source, count(*) AS n
  FROM labels WHERE event_id IN (SELECT event_id FROM tx WHERE "fd"."outcome" = 'review')
  GROUP BY ${d.epochMs(`date_trunc('day', ts)`)}, coalesce(source, '(none)') ORDER BY 1, 2`,
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
