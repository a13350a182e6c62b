// Benchmark (not a test): how long from an analyst's decision to its label on the labels topic (issue 22's
// goal: within a second), and to its label applied with TOPICS=memory (npm start's path: the label
// function's code, lake in files + entity state in memory).
//   tsx scripts/bench/cases.ts [--cases 500] [--no-kafka]
// Cases made by act from simulated review transactions in a file case store (DATA_DIR/cases as npm start
// leaves them); each decided one at a time through decide(), as the review page and `npm run cases` do.
// Three destinations: the in-process topic (MemoryTopics), a real Kafka broker (the local one, started
// if needed, as `npm run bench -- kafka` does: a produce with acks=all per decision), and npm start's
// path (the label function's code at once).
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, FsObjectStore, piiPolicyFrom, MemoryTopics, OutboxNotifier, type DecodedMskRecord, type ScoredTransaction } from '@sfc/shared';
import { loadTxnConfig } from '../../services/txn/src/config.js';
import { simulatorFrom } from '../../services/txn/src/context.js';
import { FileCaseStore } from '../../services/txn/src/cases/FileCaseStore.js';
import { runCasesCommand } from '../../services/txn/src/cases/cli.js';
import { decide } from '../../services/txn/src/cases/decide.js';
import { appliedLabelSink, topicLabelSink, type LabelSink } from '../../services/txn/src/cases/labelSink.js';
import { labelDepsFrom } from '../../services/txn/src/deps/labelDeps.js';
import { actBatch } from '../../services/txn/src/pipeline/actBatch.js';
import { percentile } from '../../services/txn/src/local/stats.js';
import { KafkaTopics } from '@sfc/shared/adapters/KafkaTopics.js';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker, stopBroker } from '../kafka/broker.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '500' }, 'no-kafka': { type: 'boolean', default: false } } });
const n = Number(values.cases);

async function casesIn(dir: string): Promise<{ store: FileCaseStore; ids: string[] }> {
  const c = loadTxnConfig({ DATA_DIR: dir, SIM_CUSTOMERS: '2000' });
  const store = new FileCaseStore(join(dir, 'cases'));
  const records = simulatorFrom(c).generate(Date.parse('2026-11-20T00:00:00Z'), Date.parse('2026-11-20T06:00:00Z'), n).map(({ transaction }, i): DecodedMskRecord => {
    const tx: ScoredTransaction = { ...transaction, fd: { outcome: 'review', score: 750, model_version: 'bench', reasons: ['new device'], ttdf_ms: 1, proc_time_ms: 0, model_time_ms: 0 } };
    return { topic: 'processed', partition: 0, offset: String(i), timestamp: Date.now(), key: tx.entity_id, value: Buffer.from(JSON.stringify(tx)) };
  });
  await actBatch(records, {
    store: new FsObjectStore(dir), notifier: new OutboxNotifier(join(dir, 'outbox'), 'alerts', null), producer: new MemoryTopics(1), lake: { bucket: 'lake', prefix: 'processed' },
    pii: (await piiPolicyFrom(c)).policy, dlqTopic: 'dlq', maxRecordBytes: 1 << 20, logger: createLogger('bench', { level: 'silent' }), cases: { store, forBlock: false, history: 5 },
  });
  return { store, ids: (await store.list({ open: true, limit: n })).map((x) => x.case_id) };
}

async function measure(name: string, store: FileCaseStore, ids: string[], sink: LabelSink, landed: () => number | Promise<number>): Promise<void> {
  const ms: number[] = [];
  for (const [i, id] of ids.entries()) {
    const t0 = performance.now();
    const done = await decide(store, sink, { caseId: id, label: i % 10 === 0 ? 'fraud' : 'legit', analyst: 'bench', source: 'analyst' });
    ms.push(performance.now() - t0);
    if (done.status !== 'decided' || done.labelError) throw new Error(`${id}: ${JSON.stringify(done)}`);
  }
  const got = await landed();
  if (got !== ids.length) throw new Error(`${name}: ${got} labels landed of ${ids.length} decisions`);
  const f = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`${name.padEnd(44)} ${ids.length} decisions: p50 ${f(percentile(ms, 50))}  p95 ${f(percentile(ms, 95))}  p99 ${f(percentile(ms, 99))}  max ${f(Math.max(...ms))}`);
}

console.log(`decide -> label, one decision at a time (the decision written once, the label sent, marked sent), ${n} cases each`);
{
  const dir = mkdtempSync(join(tmpdir(), 'bench-cases-topic-'));
  const { store, ids } = await casesIn(dir);
  const topics = new MemoryTopics(1);
  await measure('labels topic (MemoryTopics, TOPICS=kafka path)', store, ids, topicLabelSink(topics, 'fraud_labels'), () => topics.readAll('fraud_labels').length);
}
if (!values['no-kafka']) {
  // A broker this benchmark starts is stopped at the end; one in KAFKA_BROKERS, or already running, is left alone.
  let ownBroker = false;
  if (!process.env.KAFKA_BROKERS) {
    const broker = await startBroker({ log: (l) => console.log(l) });
    [process.env.KAFKA_BROKERS, ownBroker] = [broker.brokers, !broker.reused];
  }
  const brokers = process.env.KAFKA_BROKERS!.split(',');
  const topic = `bench-cases-${Date.now()}-fraud_labels`;
  const topics = new KafkaTopics({ brokers, clientId: 'sfc-bench-cases' });
  await topics.ensureTopics([{ name: topic, partitions: 3 }]);
  const admin = new Kafka({ clientId: 'sfc-bench-cases-admin', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cases-kafka-'));
    const { store, ids } = await casesIn(dir);
    // What landed: the end offsets of the topic's partitions.
    const onTopic = async () => (await admin.fetchTopicOffsets(topic)).reduce((k, p) => k + Number(p.high), 0);
    await measure('labels topic (a real Kafka broker, acks=all)', store, ids, topicLabelSink(topics, topic), onTopic);
    // A label CSV of n rows for events without a case (AFD's format with ENTITY_ID), imported as
    // `npm run cases -- import` does it.
    const csv = join(dir, 'labels.csv');
    writeFileSync(csv, ['EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP,ENTITY_ID', ...Array.from({ length: n }, (_, i) => `imported-${i},${i % 10 === 0 ? 'fraud' : 'legit'},2026-11-30T09:00:00Z,cust-${i}`)].join('\n'));
    const before = await onTopic();
    const t0 = performance.now();
    await runCasesCommand(['import', csv, '--analyst', 'bench'], store, topicLabelSink(topics, topic));
    const seconds = (performance.now() - t0) / 1000;
    if ((await onTopic()) - before !== n) throw new Error(`import: ${(await onTopic()) - before} labels on the topic of ${n} rows`);
    console.log(`${'import of a label CSV (the same broker)'.padEnd(44)} ${n} rows in ${seconds.toFixed(2)} s (${Math.round(n / seconds).toLocaleString('en-US')} rows/s)`);
  } finally {
    await admin.disconnect();
    await topics.close();
    if (ownBroker) await stopBroker();
  }
}
{
  const dir = mkdtempSync(join(tmpdir(), 'bench-cases-applied-'));
  const { store, ids } = await casesIn(dir);
  const c = loadTxnConfig({ DATA_DIR: dir, TOPICS: 'memory', ENTITY_STATE: 'memory' });
  const lake = join(dir, c.LAKE_BUCKET, c.LAKE_LABELS_PREFIX);
  const rows = () => readdirSync(lake).reduce((k, d) => k + readdirSync(join(lake, d)).length, 0);
  await measure('applied (TOPICS=memory: lake files + state)', store, ids, appliedLabelSink(await labelDepsFrom(c), c.LABELS_TOPIC, 'in the lake'), rows);
}
