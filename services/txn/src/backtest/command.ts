import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, defaultKeyFile, keySourceFrom, loadConfig, Pseudonymiser, type PiiKind } from '@sfc/shared';
import type { CountryCode } from 'libphonenumber-js';
import { createEngine } from '../../../rpt/src/adapters/createEngine.js';
import { rptConfig } from '../../../rpt/src/config.js';
import { wholeLakeWindow } from '../../../rpt/src/local/lakeWindow.js';
import type { SqlEngine } from '../../../rpt/src/ports/SqlEngine.js';
import type { ReportWindow } from '../../../rpt/src/sql/lakeRelations.js';
import type { TxnConfig } from '../config.js';
import type { ListStore } from '../lists/ListStore.js';
import { listsIn } from '../rules/Detector.js';
import type { DetectorStore } from '../rules/DetectorStore.js';
import { versionLabel, type DetectorVersion } from '../rules/detectorVersion.js';
import { detectorFileOf } from '../rules/detectorVersion.js';
import { parseRule } from '../rules/parser.js';
import { formatBacktest } from './formatBacktest.js';
import { planBacktest } from './plan.js';
import { BacktestError, runBacktest } from './runBacktest.js';

/** What `backtest` needs besides the detector store: the SQL engine, the lake's keys, the default window. */
export interface BacktestEnv {
  engine(): Promise<SqlEngine>;
  /** Tokens of a value under every key the lake may have been written with; throws when there are no keys. */
  tokens(): Promise<(kind: PiiKind, value: string) => string[]>;
  rawPii: boolean;
  /** The lake, for messages: its folder or its Glue database. */
  lakeName: string;
  /** The window when neither --from nor --to is given. */
  defaultWindow(): Promise<ReportWindow>;
  progress?: (message: string) => void;
}

export interface BacktestArgs { detector: string; version: string; rule?: string; from?: string; to?: string; json: boolean }

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function day(flag: string, value: string): Date {
  const d = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new ConfigError(flag, `${value} is not a day (YYYY-MM-DD)`);
  return d;
}

/** --from and --to are whole UTC days, both included; one alone runs 30 days from or to it. */
async function windowOf(a: BacktestArgs, env: BacktestEnv): Promise<ReportWindow> {
  if (!a.from && !a.to) return env.defaultWindow();
  const from = a.from ? day('--from', a.from) : new Date(day('--to', a.to!).getTime() - 29 * DAY_MS);
  const to = new Date((a.to ? day('--to', a.to) : new Date(from.getTime() + 29 * DAY_MS)).getTime() + DAY_MS);
  if (to <= from) throw new ConfigError('--to', `${a.to} is before --from ${a.from}`);
  return { from, to };
}

/** `npm run detectors -- backtest <detector> <version> [--rule id] [--from day] [--to day] [--json]`. */
export async function backtestCommand(a: BacktestArgs, env: BacktestEnv, store: DetectorStore, lists: ListStore, check: (v: DetectorVersion) => Promise<unknown>): Promise<string> {
  const v = await store.get(a.detector, a.version);
  let rules = v.body.rules;
  if (a.rule) {
    rules = rules.filter((r) => r.ruleId === a.rule);
    if (rules.length === 0) throw new ConfigError('--rule', `${versionLabel(a.detector, a.version)} has no rule ${a.rule} (it has: ${v.body.rules.map((r) => r.ruleId).join(', ')})`);
  }
  const version: DetectorVersion = { ...v, body: { ...v.body, rules } };
  // The evaluator's compiler first: a rule that would not load live is refused with its column.
  await check(version);
  const def = detectorFileOf(version);
  const names = [...new Set(def.rules.flatMap((r) => listsIn(parseRule(r.expression))))];
  const listEntries = new Map(await Promise.all(names.map(async (n) => {
    const { meta, elements } = await lists.read(n);
    return [n, { variableType: meta.variableType, elements }] as const;
  })));
  const window = await windowOf(a, env);
  const engine = await env.engine();
  try {
    const tokens = await env.tokens().catch((err: Error) => (): string[] => { throw err; });
    const plan = planBacktest(def, { dialect: engine.dialect, lists: listEntries, tokensOf: tokens, rawPii: env.rawPii });
    const result = await runBacktest(engine, plan, { window, lakeName: env.lakeName, progress: env.progress });
    const title = `backtest of ${versionLabel(a.detector, a.version)}${a.rule ? ` rule ${a.rule}` : ''} (${engine.dialect.name})`;
    return a.json ? JSON.stringify({ detector: a.detector, version: a.version, rule: a.rule ?? null, engine: engine.dialect.name, ...result }, null, 2) : formatBacktest(title, result);
  } finally {
    await engine.close();
  }
}

/**
 * The engine rpt's SQL_ENGINE names (DuckDB over DATA_DIR/LAKE_BUCKET, or Athena with GLUE_DATABASE
 * and ATHENA_WORKGROUP) and the pseudonymisation keys the lake was written with (PSEUDONYM_KEYS).
 */
export function backtestEnvFrom(c: TxnConfig, env: Record<string, string | undefined> = process.env): BacktestEnv {
  // Read when a backtest runs, so a bad SQL_ENGINE does not stop the other detector commands.
  const rpt = () => loadConfig(rptConfig, { ...env, DATA_DIR: c.DATA_DIR, LAKE_BUCKET: c.LAKE_BUCKET });
  const lakeDir = join(resolve(c.DATA_DIR), c.LAKE_BUCKET);
  const keyFile = c.PSEUDONYM_KEY_FILE || defaultKeyFile(c.DATA_DIR);
  return {
    // The backtest keeps its own Parquet cache of the lake (rpt's cache keeps only the report's columns).
    engine: async () => {
      if (rpt().SQL_ENGINE !== 'duckdb') return createEngine(rpt());
      const { DuckDbSqlEngine } = await import('../../../rpt/src/adapters/DuckDbSqlEngine.js');
      return DuckDbSqlEngine.create({ lakeDir, cacheDir: join(resolve(c.DATA_DIR), 'cache', 'backtest') });
    },
    tokens: async () => {
      // A missing key file would be created (with new keys) on load: no token of the lake would match.
      if (c.PSEUDONYM_KEYS === 'file' && !existsSync(keyFile)) {
        throw new ConfigError('PSEUDONYM_KEY_FILE', `${keyFile} does not exist: a rule comparing a personal value (e-mail, IP, phone, name, street) needs the keys the lake was written with, to compare tokens`);
      }
      const p = new Pseudonymiser(await (await keySourceFrom(c)).load(), c.PSEUDONYM_PHONE_REGION as CountryCode);
      return (kind, value) => p.tokensOf(kind, value);
    },
    rawPii: c.LAKE_PII === 'raw',
    get lakeName() {
      const r = rpt();
      return r.SQL_ENGINE === 'duckdb' ? join(lakeDir, 'processed') : `Glue database ${r.GLUE_DATABASE} (Athena workgroup ${r.ATHENA_WORKGROUP})`;
    },
    defaultWindow: async () => {
      if (rpt().SQL_ENGINE === 'duckdb') return wholeLakeWindow(lakeDir);
      const to = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS);
      return { from: new Date(to.getTime() - 30 * DAY_MS), to };
    },
    progress: (m) => process.stderr.write(`backtest: ${m}\n`),
  };
}

export { BacktestError };
