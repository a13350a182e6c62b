import { MetricUnit, type Metrics } from '@sfc/shared/observability/metrics.js';
import type { ScanSummary } from '../scan/handleS3Event.js';

const VERDICTS = ['pii', 'clean', 'quarantine'] as const;

/** scan: documents by verdict (dimension `verdict`), each routed document's scan time, repeats and missing objects. */
export function recordScan(s: ScanSummary, m: Metrics): void {
  for (const verdict of VERDICTS) {
    if (s.byVerdict[verdict] === 0) continue;
    m.addDimension('verdict', verdict).addMetric('DocumentsScanned', MetricUnit.Count, s.byVerdict[verdict]).publishStoredMetrics();
  }
  for (const o of s.outcomes) if (o.status === 'routed') m.addMetric('ScanDuration', MetricUnit.Milliseconds, o.finding.timings_ms.total);
  m.addMetric('DocumentsAlreadyProcessed', MetricUnit.Count, s.alreadyProcessed);
  m.addMetric('DocumentsMissing', MetricUnit.Count, s.missing);
}

/** A failed invocation: Lambda retries it, then sends it to the on-failure destination. */
export function recordScanFailure(_err: unknown, m: Metrics): void {
  m.addMetric('ScanInvocationsFailed', MetricUnit.Count, 1);
}
