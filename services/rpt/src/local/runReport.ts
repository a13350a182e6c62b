import { join, resolve } from 'node:path';
import { createLogger, FsObjectStore, loadConfig, type Logger } from '@sfc/shared';
import { rptConfig } from '../config.js';
import { DuckDbSqlEngine } from '../adapters/DuckDbSqlEngine.js';
import { chartLibraryFromNodeModules } from '../dashboard/chartLibraryFromNodeModules.js';
import { generateReport, lastHours, type Report } from '../report/generateReport.js';
import type { SummaryRow } from '../report/summarize.js';
import type { ReportWindow } from '../sql/lakeRelations.js';

export interface RunReportOptions {
  /** Root of the embedded buckets (`<dataDir>/lake`, `<dataDir>/reports`). */
  dataDir: string;
  /** Defaults to the REPORT_WINDOW_HOURS ending now. */
  window?: ReportWindow;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
}

/** Local report: DuckDB over `<dataDir>/lake`, dashboard written through the fs ObjectStore. */
export async function runReport(options: RunReportOptions): Promise<{ path: string; summary: SummaryRow[]; report: Report }> {
  const config = loadConfig(rptConfig, { ...(options.env ?? process.env), DATA_DIR: options.dataDir });
  const dataDir = resolve(options.dataDir);
  const store = new FsObjectStore(dataDir);
  const engine = await DuckDbSqlEngine.create({ lakeDir: join(dataDir, config.LAKE_BUCKET), cacheDir: join(dataDir, 'cache', 'rpt') });
  try {
    const report = await generateReport(
      { engine, store, chartLibrary: chartLibraryFromNodeModules, logger: options.logger ?? createLogger('rpt.report') },
      { bucket: config.REPORTS_BUCKET, key: config.REPORT_KEY, window: options.window ?? lastHours(config.REPORT_WINDOW_HOURS) },
    );
    return { path: store.pathOf(config.REPORTS_BUCKET, config.REPORT_KEY), summary: report.summary, report };
  } finally {
    await engine.close();
  }
}
