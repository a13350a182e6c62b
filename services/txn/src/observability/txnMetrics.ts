import type { Outcome } from '@sfc/shared';
import { MetricUnit, type Metrics } from '@sfc/shared/observability/metrics.js';
import type { ActSummary } from '../pipeline/actBatch.js';
import type { LabelBatchSummary } from '../pipeline/labelBatch.js';
import type { ScoreSummary } from '../pipeline/scoreBatch.js';

const OUTCOMES: Outcome[] = ['approve', 'review', 'block'];

/** score: transactions scored by outcome (dimension `outcome`), records dead-lettered. */
export function recordScore(s: ScoreSummary, m: Metrics): void {
  for (const outcome of OUTCOMES) {
    // One EMF document per outcome: a document has one dimension set, and publishing clears it.
    m.addDimension('outcome', outcome).addMetric('TransactionsScored', MetricUnit.Count, s.outcomes[outcome]).publishStoredMetrics();
  }
  m.addMetric('RecordsDeadLettered', MetricUnit.Count, s.deadLettered);
}

/** act: lake rows, alerts sent and suppressed (already sent by an earlier attempt), dead letters, ttdf of each transaction. */
export function recordAct(s: ActSummary, m: Metrics): void {
  m.addMetric('LakeRowsWritten', MetricUnit.Count, s.written);
  m.addMetric('AlertsSent', MetricUnit.Count, s.alerts);
  m.addMetric('AlertsSuppressed', MetricUnit.Count, s.alertsSuppressed);
  m.addMetric('CasesCreated', MetricUnit.Count, s.casesCreated);
  m.addMetric('RecordsDeadLettered', MetricUnit.Count, s.deadLettered);
  // Every value, so CloudWatch's percentiles are the real ones (Powertools flushes every 100 values).
  for (const ms of s.ttdfMs) m.addMetric('TimeToDetectFraud', MetricUnit.Milliseconds, ms);
}

/** label: fraud labels folded into the entity state, repeats of labels already applied, dead letters. */
export function recordLabels(s: LabelBatchSummary, m: Metrics): void {
  m.addMetric('FraudLabelsApplied', MetricUnit.Count, s.applied);
  m.addMetric('LabelsRepeated', MetricUnit.Count, s.repeated);
  m.addMetric('LabelsWithoutKeys', MetricUnit.Count, s.missingKeys);
  m.addMetric('RecordsDeadLettered', MetricUnit.Count, s.deadLettered);
}
