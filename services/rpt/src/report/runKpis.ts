import type { Logger } from '@sfc/shared';
import type { Row, SqlEngine } from '../ports/SqlEngine.js';
import { FINDINGS, LABELS, TRANSACTIONS, type LakeTable } from '../schema/lakeTables.js';
import { lakeRelations, literalBounds, rejectsSql, type ReportWindow } from '../sql/lakeRelations.js';
import { KPI_COLUMNS, KPI_QUERIES } from '../kpis/kpiQueries.js';

/** Lake data the report skipped: which object, why, and how many records. */
export interface Rejected {
  object: string;
  reason: string;
  records: number;
}

export interface KpiResults {
  /** The window; labels are read from `from` to `labelsTo` (when the report ran). */
  window: { from: string; to: string; labelsTo: string };
  engine: string;
  kpis: Record<string, Row[]>;
  rejected: Rejected[];
  timingsMs: Record<string, number>;
}

export type Alias = 'tx' | 'findings' | 'labels';

/** Relation alias of each lake table inside KPI SQL. */
export const ALIASES: [Alias, LakeTable][] = [['tx', TRANSACTIONS], ['findings', FINDINGS], ['labels', LABELS]];

/**
 * The time range each table is read over: transactions and findings over the window; labels from the
 * window's start to `labelsTo` (now), since a transaction's label arrives after it, often days later.
 */
export function tableWindow(alias: Alias, window: ReportWindow, labelsTo: Date): ReportWindow {
  return alias === 'labels' ? { from: window.from, to: new Date(Math.max(window.to.getTime(), labelsTo.getTime())) } : window;
}

/** `s3://lake/processed/dt=.../x.jsonl` or `/abs/.data/lake/processed/...` -> `processed/dt=.../x.jsonl`. */
export function lakeKey(objectPath: string, table: LakeTable): string {
  const at = objectPath.replaceAll('\\', '/').lastIndexOf(`/${table.prefix}`);
  return at >= 0 ? objectPath.slice(at + 1) : objectPath;
}

/** Validates the lake slice of `window` and runs every KPI query on `engine`; labels are read up to `labelsTo`. */
export async function runKpis(engine: SqlEngine, window: ReportWindow, logger?: Logger, labelsTo = new Date()): Promise<KpiResults> {
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try { return await f(); } finally { timingsMs[name] = Math.round(performance.now() - t0); }
  };
  const bounds = (alias: Alias) => literalBounds(tableWindow(alias, window, labelsTo), engine.dialect);
  await timed('load', () => engine.define(ALIASES.flatMap(([alias, table]) =>
    lakeRelations(alias, table, engine.tableSource(table), engine.dialect, bounds(alias), KPI_COLUMNS[alias]))));
  const kpis: Record<string, Row[]> = {};
  for (const q of KPI_QUERIES) kpis[q.id] = await timed(q.id, () => engine.query(q.id, q.sql(engine.dialect)));
  const rejected: Rejected[] = [];
  for (const [alias, table] of ALIASES) {
    for (const s of engine.skippedObjects?.(table) ?? []) {
      const item = { object: lakeKey(s.object, table), reason: s.reason, records: s.records };
      logger?.warn('skipped lake data', { ...item });
      rejected.push(item);
    }
    for (const r of await timed(`${alias}_rejects`, () => engine.query(`${alias}_rejects`, rejectsSql(alias, bounds(alias))))) {
      const item = { object: lakeKey(String(r.object_key), table), reason: String(r.reject_reason), records: Number(r.records) };
      logger?.warn('skipped lake data', { ...item });
      rejected.push(item);
    }
  }
  const labelsUntil = tableWindow('labels', window, labelsTo).to;
  return { window: { from: window.from.toISOString(), to: window.to.toISOString(), labelsTo: labelsUntil.toISOString() }, engine: engine.dialect.name, kpis, rejected, timingsMs };
}
