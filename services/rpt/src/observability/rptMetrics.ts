import { MetricUnit, type Metrics } from '@sfc/shared/observability/metrics.js';

export interface ReportOutcome {
  skipped: number;
  timingsMs: { queries: number; render: number };
}

/** report: how long it took (queries, total), data it had to skip, and a 0 for "did not fail" so the alarm's metric is continuous. */
export function recordReport(r: ReportOutcome, m: Metrics): void {
  m.addMetric('ReportDuration', MetricUnit.Milliseconds, r.timingsMs.queries + r.timingsMs.render);
  m.addMetric('ReportQueryDuration', MetricUnit.Milliseconds, r.timingsMs.queries);
  m.addMetric('ReportSkippedObjects', MetricUnit.Count, r.skipped);
  m.addMetric('ReportsFailed', MetricUnit.Count, 0);
}

export function recordReportFailure(_err: unknown, m: Metrics): void {
  m.addMetric('ReportsFailed', MetricUnit.Count, 1);
}
