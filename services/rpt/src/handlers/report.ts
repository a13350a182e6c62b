import { createLogger, loadConfig, objectStoreFrom, type ScheduledEvent } from '@sfc/shared';
import { createMetrics } from '@sfc/shared/observability/metrics.js';
import { instrument } from '@sfc/shared/observability/instrument.js';
import { tracerFor } from '@sfc/shared/observability/tracer.js';
import { recordReport, recordReportFailure } from '../observability/rptMetrics.js';
import { rptConfig } from '../config.js';
import { createEngine } from '../adapters/createEngine.js';
import { chartLibraryBundled } from '../dashboard/chartLibraryBundled.js';
import { generateReport, lastHours } from '../report/generateReport.js';

/** Optional overrides when invoked by hand: an explicit window (ISO-8601) or a number of hours. */
export interface ReportDetail {
  from?: string;
  to?: string;
  hours?: number;
}

const config = loadConfig(rptConfig);
const logger = createLogger('rpt.report');
const store = objectStoreFrom(config);

/** Scheduled: runs the KPI queries and writes the dashboard to the reports bucket. */
const report = async (event: ScheduledEvent<ReportDetail>) => {
  const detail = event.detail ?? {};
  const to = detail.to ? new Date(detail.to) : new Date();
  const window = detail.from ? { from: new Date(detail.from), to } : lastHours(detail.hours ?? config.REPORT_WINDOW_HOURS, to);
  const engine = await createEngine(config);
  try {
    const report = await generateReport({ engine, store: await store, chartLibrary: chartLibraryBundled, logger },
      { bucket: config.REPORTS_BUCKET, key: config.REPORT_KEY, window });
    return { object: report.object, summary: report.summary, skipped: report.results.rejected, timingsMs: report.timingsMs };
  } finally {
    await engine.close();
  }
};

export const handler = instrument(report, {
  name: 'report', metrics: createMetrics('rpt'), tracer: tracerFor('rpt'), logger, record: (r, m) => recordReport({ skipped: r.skipped.length, timingsMs: r.timingsMs }, m), recordFailure: recordReportFailure,
});
