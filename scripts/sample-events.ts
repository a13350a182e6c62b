// Regenerates services/txn/events/*.json: real AWS event shapes for `serverless invoke local` and tests.
import { writeFileSync } from 'node:fs';
import { scheduledEvent, toMskEvent, type TopicRecord } from '@sfc/shared';
import { TransactionSimulator } from '../services/txn/src/simulator/simulator.js';

const dir = 'services/txn/events';
const T0 = Date.parse('2026-11-25T12:00:00Z');
const events = new TransactionSimulator({ seed: 2026, customers: 50, fraudRate: 0.2 }).generate(T0 - 3_600_000, T0, 10);
const arn = 'arn:aws:kafka:us-east-1:123456789012:cluster/sfc/abcd1234-0000-0000-0000-000000000000-1';
const record = (topic: string, partition: number, offset: number, key: string | null, value: string): TopicRecord =>
  ({ topic, partition, offset: String(offset), timestamp: T0 + offset, key: key === null ? null : Buffer.from(key), value: Buffer.from(value), headers: {} });

const txRecords = events.map((e, i) => record('transactions', i % 2, 40 + i, e.transaction.entity_id, JSON.stringify(e.transaction)));
txRecords.push(record('transactions', 0, 99, 'bad', '{"event_id": "truncated'));
writeFileSync(`${dir}/msk-transactions.json`, `${JSON.stringify(toMskEvent(txRecords, { arn, bootstrapServers: 'b-1.sfc.kafka.us-east-1.amazonaws.com:9098' }), null, 2)}\n`);

const fd = (i: number) => ({ outcome: i === 0 ? 'block' : 'approve', score: i === 0 ? 987 : 12, model_version: 'sample', reasons: i === 0 ? ['new IP address', "amount 8.4x this customer's average"] : [], ttdf_ms: 14, proc_time_ms: 0.05, model_time_ms: 0.01 });
const scored = events.slice(0, 4).map((e, i) => record('processed_transactions', 0, 7 + i, e.transaction.entity_id, JSON.stringify({ ...e.transaction, fd: fd(i) })));
writeFileSync(`${dir}/msk-processed.json`, `${JSON.stringify(toMskEvent(scored, { arn }), null, 2)}\n`);

// Labels coming back for two of them: one fraud (with its merchant), one legitimate, and one record that is not a label.
const labels = events.slice(0, 2).map((e, i) => record('fraud_labels', 0, 3 + i, e.transaction.entity_id, JSON.stringify({
  event_id: e.transaction.event_id, entity_id: e.transaction.entity_id, label: i === 0 ? 'fraud' : 'legit',
  label_time: new Date(T0 + 5 * 86_400_000).toISOString(), variables: { merchant: e.transaction.merchant, ip_address: e.transaction.ip_address },
})));
labels.push(record('fraud_labels', 0, 5, 'bad', JSON.stringify({ event_id: 'x', label: 'maybe' })));
writeFileSync(`${dir}/msk-labels.json`, `${JSON.stringify(toMskEvent(labels, { arn }), null, 2)}\n`);

writeFileSync(`${dir}/schedule.json`, `${JSON.stringify({ ...scheduledEvent({}, new Date(T0)), id: 'c6d1a4e2-0000-4000-8000-000000000000', region: 'us-east-1', resources: ['arn:aws:events:us-east-1:123456789012:rule/sfc-txn-produce'] }, null, 2)}\n`);
console.log(`wrote ${dir}/msk-transactions.json, msk-processed.json, msk-labels.json, schedule.json`);
