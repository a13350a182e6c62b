import { OUTCOMES, SfcError, type Outcome } from '@sfc/shared';
import type { Row, SqlEngine } from '../../../rpt/src/ports/SqlEngine.js';
import { LABELS, TRANSACTIONS } from '../../../rpt/src/schema/lakeTables.js';
import { lakeRelations, literalBounds, rejectsSql, type ReportWindow } from '../../../rpt/src/sql/lakeRelations.js';
import { BACKTEST_COLUMNS, decisionsSql, latestLabelsSql, listRelationSql, summarySql, type BacktestPlan } from './plan.js';

/** The backtest has nothing to replay (empty lake, empty window) or cannot run as asked. */
export class BacktestError extends SfcError {
  constructor(message: string) { super(message); this.name = 'BacktestError'; }
}

/** Athena refuses a query string over 262,144 bytes; lists are inlined as VALUES there. */
const ATHENA_MAX_QUERY = 262_144;

export interface Counts { matches: number; fraud: number; legit: number; unlabelled: number; precision: number | null; recall: number | null }

export interface BacktestResult {
  window: { from: string; to: string };
  mode: BacktestPlan['mode'];
  rows: number;
  /** Rows of the window's partitions left out because they break the lake schema (with why). */
  rejected: { reason: string; records: number }[];
  labels: { fraud: number; legit: number; unlabelled: number };
  perDay: { day: string; backtest: Record<Outcome, number>; live: Record<Outcome, number> }[];
  perRule: ({ ruleId: string; ruleVersion: string; outcome: Outcome } & Counts)[];
  /** The backtest's outcomes, and the live decisions' (fd.outcome) on the same rows, with the labels. */
  perOutcome: ({ outcome: Outcome } & Counts)[];
  livePerOutcome: ({ outcome: Outcome } & Counts)[];
  /** Backtest outcome (rows) x live outcome (columns): counts. */
  versusLive: Record<Outcome, Record<Outcome, number>>;
  /** Per live detector version (fd.detector_version, '' when none was ACTIVE): rows and rows decided otherwise. */
  liveVersions: { version: string; rows: number; changed: number }[];
}

const zero = (): Record<Outcome, number> => ({ approve: 0, review: 0, block: 0 });

function counts(fraud: number, legit: number, matches: number, allFraud: number): Counts {
  return {
    matches, fraud, legit, unlabelled: matches - fraud - legit,
    precision: fraud + legit > 0 ? fraud / (fraud + legit) : null,
    recall: allFraud > 0 ? fraud / allFraud : null,
  };
}

/** Sums the grouped counts into the result (pure: the property and hand-computed tests check it). */
export function summarise(plan: BacktestPlan, window: ReportWindow, groups: Row[], rejected: BacktestResult['rejected']): BacktestResult {
  const num = (v: unknown) => Number(v ?? 0);
  const days = new Map<string, { backtest: Record<Outcome, number>; live: Record<Outcome, number> }>();
  const versusLive = { approve: zero(), review: zero(), block: zero() };
  const versions = new Map<string, { rows: number; changed: number }>();
  const labels = { fraud: 0, legit: 0, unlabelled: 0 };
  const rule = plan.rules.map(() => ({ matches: 0, fraud: 0, legit: 0 }));
  const outcome = { approve: { matches: 0, fraud: 0, legit: 0 }, review: { matches: 0, fraud: 0, legit: 0 }, block: { matches: 0, fraud: 0, legit: 0 } };
  const live = structuredClone(outcome);
  let rows = 0;
  for (const g of groups) {
    const n = num(g.n);
    const bt = g.bt_outcome as Outcome;
    const lv = g.live_outcome as Outcome;
    const label = g.label === 'fraud' || g.label === 'legit' ? g.label : undefined;
    rows += n;
    const day = days.get(String(g.dt)) ?? { backtest: zero(), live: zero() };
    day.backtest[bt] += n;
    day.live[lv] += n;
    days.set(String(g.dt), day);
    versusLive[bt][lv] += n;
    const v = versions.get(String(g.live_version)) ?? { rows: 0, changed: 0 };
    v.rows += n;
    if (bt !== lv) v.changed += n;
    versions.set(String(g.live_version), v);
    if (label) labels[label] += n; else labels.unlabelled += n;
    for (const [target, k] of [[outcome[bt], n], [live[lv], n]] as const) {
      target.matches += k;
      if (label) target[label] += k;
    }
    plan.rules.forEach((_, i) => {
      const h = num(g[`h${i}`]);
      rule[i]!.matches += h;
      if (label) rule[i]![label] += h;
    });
  }
  const all = labels.fraud;
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    mode: plan.mode,
    rows,
    rejected,
    labels,
    perDay: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, c]) => ({ day, ...c })),
    perRule: plan.rules.map((r, i) => ({ ruleId: r.ruleId, ruleVersion: r.ruleVersion, outcome: r.outcome, ...counts(rule[i]!.fraud, rule[i]!.legit, rule[i]!.matches, all) })),
    perOutcome: OUTCOMES.map((o) => ({ outcome: o, ...counts(outcome[o].fraud, outcome[o].legit, outcome[o].matches, all) })),
    livePerOutcome: OUTCOMES.map((o) => ({ outcome: o, ...counts(live[o].fraud, live[o].legit, live[o].matches, all) })),
    versusLive,
    liveVersions: [...versions].sort(([a], [b]) => a.localeCompare(b)).map(([version, c]) => ({ version, ...c })),
  };
}

export interface RunOptions {
  window: ReportWindow;
  /** Where the lake is, for the error when it is empty (the folder, or the Glue database). */
  lakeName: string;
  progress?: (message: string) => void;
}

/**
 * Defines the lake relations (rpt's: rows that break the schema are left out and counted), the
 * latest labels and the lists on `engine`, and returns the SQL of the decisions per row. Labels are
 * read whatever their day: a label arrives after its transaction, often weeks after.
 */
async function define(engine: SqlEngine, plan: BacktestPlan, window: ReportWindow): Promise<{ decisions: string; bounds: ReturnType<typeof literalBounds> }> {
  const d = engine.dialect;
  const bounds = literalBounds(window, d);
  const [raw, valid] = lakeRelations('bt_tx', TRANSACTIONS, engine.tableSource(TRANSACTIONS), d, bounds, BACKTEST_COLUMNS);
  const labelWindow = literalBounds({ from: new Date('2000-01-01T00:00:00Z'), to: new Date(Date.now() + 2 * 86_400_000) }, d);
  const lists = plan.lists.map((l) => ({ name: l.name, sql: listRelationSql(l) }));
  if (d.name === 'athena') {
    const size = lists.reduce((s, l) => s + l.sql.length, 0);
    if (size > ATHENA_MAX_QUERY / 2) {
      throw new BacktestError(`lists ${plan.lists.map((l) => `${l.name} (${l.values.length} values)`).join(', ')} take ${size} bytes of SQL; Athena takes at most ${ATHENA_MAX_QUERY} per query: backtest rules with lists this large locally (SQL_ENGINE=duckdb over a copy of the lake)`);
    }
  }
  // The valid rows are not materialised: they are read once, by the one summary query.
  await engine.define([raw!, ...lakeRelations('bt_labels', LABELS, engine.tableSource(LABELS), d, labelWindow, ['event_id', 'label']),
    { name: 'bt_latest', sql: latestLabelsSql('bt_labels') }, ...lists]);
  return { decisions: decisionsSql(plan, valid!.sql, 'bt_latest'), bounds };
}

/** Replays the plan over the lake's rows in the window and sums the decisions, rules and labels. */
export async function runBacktest(engine: SqlEngine, plan: BacktestPlan, options: RunOptions): Promise<BacktestResult> {
  const say = options.progress ?? (() => {});
  const t0 = Date.now();
  const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  say(`reading the lake (${options.lakeName}) and the labels...`);
  const { decisions, bounds } = await define(engine, plan, options.window);
  say(`lake and labels ready (${since()}); evaluating ${plan.rules.length} rule${plan.rules.length === 1 ? '' : 's'}...`);
  const groups = await engine.query('backtest summary', summarySql(plan, decisions));
  say(`evaluated (${since()}); counting the rows left out...`);
  const byReason = new Map<string, number>();
  for (const r of await engine.query('backtest rejects', rejectsSql('bt_tx', bounds))) byReason.set(String(r.reject_reason), (byReason.get(String(r.reject_reason)) ?? 0) + Number(r.records));
  const rejected = [...byReason].map(([reason, records]) => ({ reason, records }));
  const result = summarise(plan, options.window, groups, rejected);
  if (result.rows === 0) {
    const any = await engine.query('backtest lake rows', 'SELECT count(*) AS n FROM (SELECT 1 AS one FROM bt_tx_raw LIMIT 1) t');
    if (Number(any[0]?.n ?? 0) === 0) throw new BacktestError(`the lake is empty: no transactions in ${options.lakeName} (write some with npm start, or point DATA_DIR / the Athena database at a lake)`);
    const skipped = rejected.reduce((s, r) => s + r.records, 0);
    throw new BacktestError(`no transactions between ${result.window.from.slice(0, 10)} and ${new Date(options.window.to.getTime() - 1).toISOString().slice(0, 10)} in ${options.lakeName}${skipped > 0 ? ` (${skipped} rows there break the lake schema and were left out)` : ''}; choose other days with --from / --to`);
  }
  say(`done: ${result.rows} rows (${since()})`);
  return result;
}

/** Each row's backtest decision (event_id, bt_outcome, h<i>): what the property test compares with the evaluator. */
export async function backtestRows(engine: SqlEngine, plan: BacktestPlan, window: ReportWindow): Promise<Row[]> {
  const { decisions } = await define(engine, plan, window);
  return engine.query('backtest rows', `SELECT event_id, bt_outcome${plan.rules.map((_, i) => `, h${i}`).join('')} FROM (${decisions}) z`);
}
