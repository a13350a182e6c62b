import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, FsObjectStore, MemoryTopics, OutboxNotifier, type DecodedMskRecord, type FraudLabel, type Outcome, type ScoredTransaction } from '@sfc/shared';
import type { ActDeps } from '../../src/pipeline/actBatch.js';
import type { CaseStore } from '../../src/cases/CaseStore.js';
import { topicLabelSink, type LabelSink } from '../../src/cases/labelSink.js';
import { recordOf } from '../support/records.js';
import { validTransaction } from '../../../../shared/test/fixtures/transaction.js';
import { testPolicy } from '../../../../shared/test/support/pseudonym.js';

export const scored = (i: number, outcome: Outcome, o: { entity?: string; minute?: number; amount?: number } = {}): ScoredTransaction => ({
  ...validTransaction({
    event_id: `evt-${i}`, entity_id: o.entity ?? 'cust-1', merchant: `m-${i % 3}`, transaction_amt: o.amount ?? 10 + i,
    event_time: `2026-11-25T10:${String(o.minute ?? i % 60).padStart(2, '0')}:00.000Z`,
  }),
  fd: {
    outcome, score: outcome === 'block' ? 950 : outcome === 'review' ? 700 : 100, model_version: 'm', reasons: ['new device', 'amount 5x the customer median'],
    ttdf_ms: 5, proc_time_ms: 0.1, model_time_ms: 0.01, rules: [{ rule_id: 'high_score', rule_version: '1', outcomes: [outcome] }], outcomes: [outcome],
  },
});

export const records = (txs: ScoredTransaction[], firstOffset = 100): DecodedMskRecord[] => txs.map((t, i) => recordOf(t, firstOffset + i, 'processed_transactions', 0));

export function actDeps(store: CaseStore, o: { forBlock?: boolean; history?: number; pii?: ReturnType<typeof testPolicy> } = {}): ActDeps {
  const dir = mkdtempSync(join(tmpdir(), 'cases-act-'));
  return {
    store: new FsObjectStore(dir), notifier: new OutboxNotifier(join(dir, 'outbox'), 'alerts', null), producer: new MemoryTopics(1),
    lake: { bucket: 'lake', prefix: 'processed' }, pii: o.pii ?? testPolicy(), dlqTopic: 'dlq', maxRecordBytes: 65_536,
    logger: createLogger('t', { level: 'silent' }),
    cases: { store, forBlock: o.forBlock ?? false, history: o.history ?? 5 },
  };
}

/** A labels topic in memory, and what is on it. */
export function labelsTopic(): { sink: LabelSink; labels: () => FraudLabel[] } {
  const topics = new MemoryTopics(1);
  return { sink: topicLabelSink(topics, 'fraud_labels'), labels: () => topics.readAll('fraud_labels').map((r) => JSON.parse(r.value.toString('utf8')) as FraudLabel) };
}

/** CasesTable as resources/data.yml declares it (its key, by_entity and by_status indexes), in DynamoDB on moto; returns its name. */
export async function createCasesTable(ddb: import('@aws-sdk/client-dynamodb').DynamoDBClient, name: string): Promise<string> {
  const { CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
  const S = (n: string) => ({ AttributeName: n, AttributeType: 'S' as const });
  await ddb.send(new CreateTableCommand({
    TableName: name, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: ['case_id', 'entity_id', 'entity_order', 'queue_status', 'queue_order'].map(S),
    KeySchema: [{ AttributeName: 'case_id', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      { IndexName: 'by_entity', KeySchema: [{ AttributeName: 'entity_id', KeyType: 'HASH' }, { AttributeName: 'entity_order', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
      { IndexName: 'by_status', KeySchema: [{ AttributeName: 'queue_status', KeyType: 'HASH' }, { AttributeName: 'queue_order', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
    ],
  }));
  return name;
}
