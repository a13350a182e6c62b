import { FraudLabelSchema, toLakeLabel, type DecodedMskRecord, type FraudLabel, type Logger, type ObjectStore, type OutgoingMessage, type TopicProducer } from '@sfc/shared';
import type { LabelFeedback, LabelSummary } from '../scoring/LabelFeedback.js';
import { deadLetter } from './deadLetter.js';
import { decodeRecord } from './decode.js';
import { lakeDayObjectKey } from './lakeKeys.js';

export interface LabelDeps {
  feedback: Pick<LabelFeedback, 'apply'>;
  producer: TopicProducer;
  dlqTopic: string;
  maxRecordBytes: number;
  /** Where every label is also kept, for backtests, the dashboard and the next training run (`<prefix>/dt=<label day>/`). */
  lake: { store: ObjectStore; bucket: string; prefix: string };
  logger: Logger;
}

export interface LabelBatchSummary extends LabelSummary {
  deadLettered: number;
  /** Labels written to the lake (every valid one, legit included, repeats included). */
  lakeRows: number;
}

/**
 * Folds a batch of fraud labels into the entity state and keeps every label in the lake; records that
 * are not labels go to the DLQ with their reason. The lake objects are keyed by source partition, first
 * offset and label day, so a retried batch overwrites them; applying is replay-safe on its own.
 */
export async function labelBatch(records: DecodedMskRecord[], deps: LabelDeps): Promise<LabelBatchSummary> {
  const labels: FraudLabel[] = [];
  const dlq: OutgoingMessage[] = [];
  const groups = new Map<string, { key: string; lines: string[] }>();
  for (const record of records) {
    const decoded = decodeRecord('FraudLabel', FraudLabelSchema, record, deps.maxRecordBytes);
    if (!decoded.ok) {
      dlq.push(deadLetter(record, 'label', decoded, new Date()));
      continue;
    }
    labels.push(decoded.value);
    // Keyed by the first record of its partition and day, as act's objects: a retry overwrites them.
    const group = `${record.topic}/${record.partition}/${new Date(decoded.value.label_time).toISOString().slice(0, 10)}`;
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { key: lakeDayObjectKey(deps.lake.prefix, decoded.value.label_time, record.topic, record.partition, record.offset), lines: [] }));
    g.lines.push(JSON.stringify(toLakeLabel(decoded.value)));
  }
  await Promise.all([...groups.values()].map((g) => deps.lake.store.put(deps.lake.bucket, g.key, `${g.lines.join('\n')}\n`, { contentType: 'application/x-ndjson' })));
  const summary = await deps.feedback.apply(labels);
  if (dlq.length > 0) {
    await deps.producer.send(deps.dlqTopic, dlq);
    deps.logger.warn('dead-lettered label records', { count: dlq.length, first: JSON.parse(String(dlq[0]!.value)).error });
  }
  if (summary.missingKeys > 0) deps.logger.warn('fraud labels without the value of a labelled aggregation key', { count: summary.missingKeys });
  return { ...summary, received: records.length, deadLettered: dlq.length, lakeRows: labels.length };
}

