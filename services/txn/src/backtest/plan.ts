import { LAKE_PII_FIELDS, OUTCOMES, type Outcome, type PiiKind } from '@sfc/shared';
import { sqlString, type Dialect } from '../../../rpt/src/sql/Dialect.js';
import { AFD_VARIABLES, MAPPED_FIELDS } from '../afd/variables.js';
import { TYPE_TRAITS, type VariableType } from '../eventType/variableTypes.js';
import { lookupNormaliser } from '../lists/normalise.js';
import type { DetectorFile, RuleExecutionMode } from '../rules/detectorFile.js';
import { parseRule } from '../rules/parser.js';
import { listsIn } from '../rules/Detector.js';
import { BacktestCompileError, numberSql, ruleToSql, type ListRelation, type SqlList, type SqlVariable } from './ruleSql.js';

/** One rule of a backtest: our outcome (the most severe of its named outcomes) and its condition as SQL. */
export interface PlannedRule { ruleId: string; ruleVersion: string; outcome: Outcome; outcomes: string[]; sql: string }

export interface BacktestPlan {
  mode: RuleExecutionMode;
  rules: PlannedRule[];
  /** The lists the rules read, as relations of their current entries (or those entries' tokens). */
  lists: ListRelation[];
}

/** The lake columns the backtest reads: every rule variable's, the tokens, the event and the live decision. */
export const BACKTEST_COLUMNS = [
  'event_id', 'fd', ...MAPPED_FIELDS, ...Object.keys(LAKE_PII_FIELDS).map((f) => `${f}_token`),
];

const SEVERITY: Record<Outcome, number> = { approve: 0, review: 1, block: 2 };

export interface PlanOptions {
  dialect: Dialect;
  /** Current entries of the lists the rules name. */
  lists: Map<string, Omit<SqlList, 'name'>>;
  /** Tokens of a value under every key version the lake may hold (Pseudonymiser.tokensOf). */
  tokensOf(kind: PiiKind, value: string): string[];
  /** LAKE_PII=raw: the lake also holds the raw personal values. */
  rawPii: boolean;
}

/**
 * The lake columns of the rule variables (`r` is a lake row): the model score is `fd.score`, event
 * variables their transaction fields with the detector's defaults for missing values, personal
 * fields their tokens (and raw columns only with LAKE_PII=raw).
 */
function variables(def: DetectorFile, rawPii: boolean): Map<string, SqlVariable> {
  const vars = new Map<string, SqlVariable>();
  const pii = LAKE_PII_FIELDS as Record<string, PiiKind>;
  for (const field of MAPPED_FIELDS) {
    const [name, variableType] = AFD_VARIABLES[field];
    const numeric = TYPE_TRAITS[variableType].dataType !== 'STRING';
    const given = def.variables[name]?.defaultValue;
    const number = given === undefined ? 0 : Number(given);
    // The evaluator takes Number(default) as it is; NaN (a default such as "n/a") compares false there,
    // and is NULL here: the same answers for comparisons, but not for `in ["NaN"]`, so it is refused.
    if (numeric && Number.isNaN(number)) throw new BacktestCompileError(`(variable $${name})`, `the default ${JSON.stringify(given)} of $${name}`, 'not a number; give the variable a numeric defaultValue');
    const fallback = numeric ? numberSql(number) : sqlString(given === undefined ? '' : String(given));
    const column = `COALESCE(r."${field}", ${fallback})`;
    const kind = pii[field];
    vars.set(name, kind
      ? { type: 'string', token: { column: `r."${field}_token"`, kind }, ...(rawPii ? { sql: column } : {}) }
      : { type: numeric ? 'number' : 'string', sql: column });
  }
  const score: SqlVariable = { type: 'number', sql: 'r."fd"."score"' };
  vars.set(`${def.modelId}_insightscore`, score);
  vars.set('insightscore', score);
  return vars;
}

/**
 * Compiles a detector's rules (the version's, or the one `ruleId` names) to SQL. The evaluator has
 * already accepted them (types, lists); what SQL cannot express is refused naming the rule.
 */
export function planBacktest(def: DetectorFile, options: PlanOptions): BacktestPlan {
  const vars = variables(def, options.rawPii);
  const relations = new Map<string, ListRelation>();
  const normalisers = new Map<VariableType, (v: string) => string>();
  const rules = def.rules.map((r): PlannedRule => {
    const tree = parseRule(r.expression);
    for (const name of listsIn(tree)) if (!options.lists.has(name)) throw new BacktestCompileError(r.ruleId, `@${name}`, 'no such list');
    const sql = ruleToSql(r.ruleId, tree, {
      dialect: options.dialect,
      variable: (n) => vars.get(n),
      list: (n) => { const l = options.lists.get(n); return l && { name: n, ...l }; },
      tokensOf: options.tokensOf,
      normalise: (type, value) => {
        let n = normalisers.get(type);
        if (!n) normalisers.set(type, (n = lookupNormaliser(type)));
        return n(value);
      },
      relations,
      rawHint: 'a lake written with LAKE_PII=raw holds the raw value (run the backtest with LAKE_PII=raw)',
    });
    const mapped = r.outcomes.map((o) => def.outcomes[o] ?? ((OUTCOMES as readonly string[]).includes(o) ? (o as Outcome) : undefined));
    const unmapped = r.outcomes.find((_, i) => mapped[i] === undefined);
    if (unmapped) throw new BacktestCompileError(r.ruleId, `outcome ${unmapped}`, 'not mapped to approve, review or block');
    const outcome = (mapped as Outcome[]).reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
    return { ruleId: r.ruleId, ruleVersion: r.ruleVersion, outcome, outcomes: r.outcomes, sql };
  });
  return { mode: def.ruleExecutionMode, rules, lists: [...relations.values()] };
}

/** A list relation's SQL: its values, or no row (typed) when it has none. */
export function listRelationSql(l: ListRelation): string {
  if (l.values.length === 0) return `SELECT CAST(NULL AS ${l.type}) AS v WHERE FALSE`;
  const value = (v: string | number) => (typeof v === 'number' ? `(${numberSql(v)})` : `(${sqlString(v)})`);
  return `SELECT v FROM (VALUES ${l.values.map(value).join(', ')}) AS t(v)`;
}

/**
 * Every row of `rowsSql` (lake rows `r` with `dt`) with the live decision, its latest label, and the
 * backtest's: `bt_outcome` and `h<i>` (rule i is among the matched rules, as the evaluator reports
 * them: FIRST_MATCHED the first that matches, ALL_MATCHED every one). Outcome precedence as the
 * evaluator's: the first match decides, or the most severe outcome of all matches; none is approve.
 */
export function decisionsSql(plan: BacktestPlan, rowsSql: string, labels: string): string {
  const n = plan.rules.length;
  const m = plan.rules.map((r, i) => `    ${r.sql} AS m${i}`).join(',\n');
  const first = plan.mode === 'FIRST_MATCHED'
    ? `CASE ${plan.rules.map((_, i) => `WHEN m${i} THEN ${i}`).join(' ')} ELSE -1 END`
    : '-1';
  let outcome: string;
  let hits: string[];
  if (plan.mode === 'FIRST_MATCHED') {
    const byOutcome = (o: Outcome) => plan.rules.map((r, i) => (r.outcome === o ? i : -1)).filter((i) => i >= 0);
    const whens = (['block', 'review'] as const).filter((o) => byOutcome(o).length > 0).map((o) => `WHEN first_rule IN (${byOutcome(o).join(', ')}) THEN '${o}'`);
    outcome = whens.length > 0 ? `CASE ${whens.join(' ')} ELSE 'approve' END` : `'approve'`;
    hits = plan.rules.map((_, i) => `first_rule = ${i}`);
  } else {
    const any = (o: Outcome) => plan.rules.map((r, i) => (r.outcome === o ? `m${i}` : '')).filter(Boolean);
    const whens = (['block', 'review'] as const).filter((o) => any(o).length > 0).map((o) => `WHEN ${any(o).join(' OR ')} THEN '${o}'`);
    outcome = whens.length > 0 ? `CASE ${whens.join(' ')} ELSE 'approve' END` : `'approve'`;
    hits = plan.rules.map((_, i) => `m${i}`);
  }
  return `SELECT x.dt, x.event_id, x.live_outcome, x.live_version, x.label, ${outcome} AS bt_outcome${hits.map((h, i) => `, ${h} AS h${i}`).join('')}
  FROM (SELECT y.*, ${first} AS first_rule FROM (
  SELECT r.dt AS dt, r."event_id" AS event_id, r."fd"."outcome" AS live_outcome, r."fd"."detector_version" AS live_version, l.label AS label,
${m}
  FROM (${rowsSql}) r LEFT JOIN ${labels} l ON l.event_id = r."event_id") y) x${n === 0 ? ' WHERE FALSE' : ''}`;
}

/** Counts per day, backtest outcome, live outcome, live version and label, with each rule's matches. */
export function summarySql(plan: BacktestPlan, decisions: string): string {
  const hits = plan.rules.map((_, i) => `, sum(CASE WHEN h${i} THEN 1 ELSE 0 END) AS h${i}`).join('');
  const keys = ['dt', 'bt_outcome', 'live_outcome', `COALESCE(live_version, '')`, `COALESCE(label, '')`];
  return `SELECT dt, bt_outcome, live_outcome, COALESCE(live_version, '') AS live_version, COALESCE(label, '') AS label, count(*) AS n${hits}
  FROM (${decisions}) z GROUP BY ${keys.join(', ')}`;
}

/** The latest label of each event (an event's latest label_time wins; of two at one instant, fraud). */
export function latestLabelsSql(labels: string): string {
  return `SELECT event_id, label FROM (
  SELECT l."event_id" AS event_id, l."label" AS label, row_number() OVER (PARTITION BY l."event_id" ORDER BY l.ts DESC, l."label" ASC) AS rn FROM ${labels} l) x
  WHERE rn = 1`;
}
