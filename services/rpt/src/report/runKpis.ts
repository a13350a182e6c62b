import type { Logger } from '@sfc/shared';
import type { Row, SqlEngine } from '../ports/SqlEngine.js';
import { FINDINGS, TRANSACTIONS, type LakeTable } from '../schema/lakeTables.js';
import { lakeRelations, literalBounds, rejectsSql, type ReportWindow } from '../sql/lakeRelations.js';
import { KPI_COLUMNS, KPI_QUERIES } from '../kpis/kpiQueries.js';

/** Lake data the report skipped: which object, why, and how many records. */
export interface Rejected {
  object: string;
  reason: string;
  records: number;
}

export interface KpiResults {
  window: { from: string; to: string };
  engine: string;
  kpis: Record<string, Row[]>;
  rejected: Rejected[];
  timingsMs: Record<string, number>;
}

/** Relation alias of each lake table inside KPI SQL. */
export const ALIASES: ['tx' | 'findings', LakeTable][] = [['tx', TRANSACTIONS], ['findings', FINDINGS]];

/** `s3://lake/processed/dt=.../x.jsonl` or `/abs/.data/lake/processed/...` -> `processed/dt=.../x.jsonl`. */
export function lakeKey(objectPath: string, table: LakeTable): string {
  const at = objectPath.replaceAll('\\', '/').lastIndexOf(`/${table.prefix}`);
  return at >= 0 ? objectPath.slice(at + 1) : objectPath;
}

/** Validates the lake slice of `window` and runs every KPI query on `engine`. */
export async function runKpis(engine: SqlEngine, window: ReportWindow, logger?: Logger): Promise<KpiResults> {
  const timingsMs: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try { return await f(); } finally { timingsMs[name] = Math.round(performance.now() - t0); }
  };
  const bounds = literalBounds(window, engine.dialect);
  await timed('load', () => engine.define(ALIASES.flatMap(([alias, table]) =>
    lakeRelations(alias, table, engine.tableSource(table), engine.dialect, bounds, KPI_COLUMNS[alias]))));
  const kpis: Record<string, Row[]> = {};
  for (const q of KPI_QUERIES) kpis[q.id] = await timed(q.id, () => engine.query(q.id, q.sql(engine.dialect)));
  const rejected: Rejected[] = [];
  for (const [alias, table] of ALIASES) {
    for (const s of engine.skippedObjects?.(table) ?? []) {
      const item = { object: lakeKey(s.object, table), reason: s.reason, records: s.records };
      logger?.warn('skipped lake data', { ...item });
      rejected.push(item);
    }
    for (const r of await timed(`${alias}_rejects`, () => engine.query(`${alias}_rejects`, rejectsSql(alias, bounds)))) {
      const item = { object: lakeKey(String(r.object_key), table), reason: String(r.reject_reason), records: Number(r.records) };
      logger?.warn('skipped lake data', { ...item });
      rejected.push(item);
    }
  }
  return { window: { from: window.from.toISOString(), to: window.to.toISOString() }, engine: engine.dialect.name, kpis, rejected, timingsMs };
}
