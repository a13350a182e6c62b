import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createLogger, FsObjectStore, loadConfig, type Logger } from '@sfc/shared';
import { rptConfig } from '../config.js';
import { DuckDbSqlEngine } from '../adapters/DuckDbSqlEngine.js';
import { chartLibraryFromNodeModules } from '../dashboard/chartLibraryFromNodeModules.js';
import { generateReport, lastHours, type Report } from '../report/generateReport.js';
import type { SummaryRow } from '../report/summarize.js';
import type { ReportWindow } from '../sql/lakeRelations.js';
import { windowOfHtml } from '../dashboard/renderHtml.js';
import { wholeLakeWindow } from './lakeWindow.js';

export interface RunReportOptions {
  /** Root of the embedded buckets (`<dataDir>/lake`, `<dataDir>/reports`). */
  dataDir: string;
  /**
   * Defaults to the whole local lake (`wholeLakeWindow`), or to the REPORT_WINDOW_HOURS ending now
   * when that variable is set in `env`.
   */
  window?: ReportWindow;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
}

/** Local report: DuckDB over `<dataDir>/lake`, dashboard written through the fs ObjectStore. */
export async function runReport(options: RunReportOptions): Promise<{ path: string; summary: SummaryRow[]; report: Report; replaced?: string }> {
  const env = options.env ?? process.env;
  const config = loadConfig(rptConfig, { ...env, DATA_DIR: options.dataDir });
  const dataDir = resolve(options.dataDir);
  const store = new FsObjectStore(dataDir);
  const lakeDir = join(dataDir, config.LAKE_BUCKET);
  const window = options.window ?? (env.REPORT_WINDOW_HOURS ? lastHours(config.REPORT_WINDOW_HOURS) : await wholeLakeWindow(lakeDir));
  const path = store.pathOf(config.REPORTS_BUCKET, config.REPORT_KEY);
  // The dashboard there before, if it covered another window: callers say so rather than replace it silently.
  const before = windowOfHtml(await readFile(path, 'utf8').catch(() => ''));
  // Its end is "now" for whole-lake and last-hours windows alike, so only a different start counts.
  const replaced = before && before.split('/')[0] !== window.from.toISOString() ? before.replace('/', ' .. ') : undefined;
  const engine = await DuckDbSqlEngine.create({ lakeDir, cacheDir: join(dataDir, 'cache', 'rpt') });
  try {
    const report = await generateReport(
      { engine, store, chartLibrary: chartLibraryFromNodeModules, logger: options.logger ?? createLogger('rpt.report') },
      { bucket: config.REPORTS_BUCKET, key: config.REPORT_KEY, window },
    );
    return { path, summary: report.summary, report, ...(replaced ? { replaced } : {}) };
  } finally {
    await engine.close();
  }
}
