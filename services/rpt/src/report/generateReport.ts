import type { Logger, ObjectInfo, ObjectStore } from '@sfc/shared';
import type { SqlEngine } from '../ports/SqlEngine.js';
import type { ReportWindow } from '../sql/lakeRelations.js';
import { renderHtml } from '../dashboard/renderHtml.js';
import { runKpis, type KpiResults } from './runKpis.js';
import { summarize, type SummaryRow } from './summarize.js';

export interface ReportDeps {
  engine: SqlEngine;
  store: ObjectStore;
  /** Source of the chart library to inline (node_modules locally, the bundle in Lambda). */
  chartLibrary: () => Promise<string>;
  logger?: Logger;
  now?: () => Date;
}

export interface ReportTarget {
  bucket: string;
  key: string;
  window: ReportWindow;
}

export interface Report {
  object: ObjectInfo;
  results: KpiResults;
  summary: SummaryRow[];
  timingsMs: { queries: number; render: number };
}

/** Runs the KPIs, renders the dashboard and writes it to the reports bucket. */
export async function generateReport(deps: ReportDeps, target: ReportTarget): Promise<Report> {
  const now = (deps.now ?? (() => new Date()))();
  const t0 = performance.now();
  const results = await runKpis(deps.engine, target.window, deps.logger, now);
  const t1 = performance.now();
  const html = renderHtml(results, await deps.chartLibrary(), now);
  const object = await deps.store.put(target.bucket, target.key, html, { contentType: 'text/html; charset=utf-8' });
  const t2 = performance.now();
  const summary = summarize(results);
  deps.logger?.info('dashboard written', { bucket: object.bucket, key: object.key, bytes: object.size, skipped: results.rejected.length });
  return { object, results, summary, timingsMs: { queries: Math.round(t1 - t0), render: Math.round(t2 - t1) } };
}

/** The `hours` ending at `now`. */
export function lastHours(hours: number, now = new Date()): ReportWindow {
  return { from: new Date(now.getTime() - hours * 3_600_000), to: now };
}
