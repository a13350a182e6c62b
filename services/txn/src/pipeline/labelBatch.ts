import { FraudLabelSchema, type DecodedMskRecord, type FraudLabel, type Logger, type OutgoingMessage, type TopicProducer } from '@sfc/shared';
import type { LabelFeedback, LabelSummary } from '../scoring/LabelFeedback.js';
import { deadLetter } from './deadLetter.js';
import { decodeRecord } from './decode.js';

export interface LabelDeps {
  feedback: Pick<LabelFeedback, 'apply'>;
  producer: TopicProducer;
  dlqTopic: string;
  maxRecordBytes: number;
  logger: Logger;
}

export interface LabelBatchSummary extends LabelSummary {
  deadLettered: number;
}

/** Folds a batch of fraud labels into the entity state; records that are not labels go to the DLQ with their reason. */
export async function labelBatch(records: DecodedMskRecord[], deps: LabelDeps): Promise<LabelBatchSummary> {
  const labels: FraudLabel[] = [];
  const dlq: OutgoingMessage[] = [];
  for (const record of records) {
    const decoded = decodeRecord('FraudLabel', FraudLabelSchema, record, deps.maxRecordBytes);
    if (decoded.ok) labels.push(decoded.value);
    else dlq.push(deadLetter(record, 'label', decoded, new Date()));
  }
  const summary = await deps.feedback.apply(labels);
  if (dlq.length > 0) {
    await deps.producer.send(deps.dlqTopic, dlq);
    deps.logger.warn('dead-lettered label records', { count: dlq.length, first: JSON.parse(String(dlq[0]!.value)).error });
  }
  if (summary.missingKeys > 0) deps.logger.warn('fraud labels without the value of a labelled aggregation key', { count: summary.missingKeys });
  return { ...summary, received: records.length, deadLettered: dlq.length };
}
