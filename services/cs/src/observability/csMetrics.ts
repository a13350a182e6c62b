import { MetricUnit, type Metrics } from '@sfc/shared/observability/metrics.js';
import type { ScanSummary } from '../scan/handleS3Event.js';

const VERDICTS = ['pii', 'clean', 'quarantine'] as const;

/**
 * scan: documents by verdict (dimension `verdict`), quarantined documents by reason (dimension
 * `reason`), each routed document's scan time, repeats, missing objects, uploads replaced before
 * their scan, and event records that named no object (malformed) or were scanned with a field replaced (repaired).
 */
export function recordScan(s: ScanSummary, m: Metrics): void {
  for (const verdict of VERDICTS) {
    if (s.byVerdict[verdict] === 0) continue;
    m.addDimension('verdict', verdict).addMetric('DocumentsScanned', MetricUnit.Count, s.byVerdict[verdict]).publishStoredMetrics();
  }
  const reasons = new Map<string, number>();
  for (const o of s.outcomes) if (o.status === 'routed' && o.finding.quarantine_reason) reasons.set(o.finding.quarantine_reason, (reasons.get(o.finding.quarantine_reason) ?? 0) + 1);
  for (const [reason, n] of reasons) m.addDimension('reason', reason).addMetric('DocumentsQuarantined', MetricUnit.Count, n).publishStoredMetrics();
  for (const o of s.outcomes) if (o.status === 'routed') m.addMetric('ScanDuration', MetricUnit.Milliseconds, o.finding.timings_ms.total);
  m.addMetric('DocumentsAlreadyProcessed', MetricUnit.Count, s.alreadyProcessed);
  m.addMetric('DocumentsMissing', MetricUnit.Count, s.missing);
  m.addMetric('DocumentsSuperseded', MetricUnit.Count, s.superseded);
  m.addMetric('EventRecordsMalformed', MetricUnit.Count, s.malformed);
  m.addMetric('EventRecordsRepaired', MetricUnit.Count, s.repaired);
}

/** A failed invocation: Lambda retries it, then sends it to the on-failure destination. */
export function recordScanFailure(_err: unknown, m: Metrics): void {
  m.addMetric('ScanInvocationsFailed', MetricUnit.Count, 1);
}
