// One event-source worker over Kafka, as one Lambda function behind its MSK event source mapping:
//   tsx scripts/kafka/worker.ts score|act [--group G] [--instance I] [--batch-size N] [--window-ms W]
// Fault injection for tests: --crash-before-commit K kills the process (SIGKILL) after the K-th batch's
// handler returned and before its offsets commit (for score: with its transaction open).
// Configuration (brokers, topics, buckets) comes from the environment like the handlers'. Prints one
// JSON line per handled batch on stdout; SIGTERM stops after the batch in hand.
import { parseArgs } from 'node:util';
import { loadTxnConfig } from '../../services/txn/src/config.js';
import { kafkaActRunner } from '../../services/txn/src/kafka/kafkaActRunner.js';
import { kafkaScoreRunner } from '../../services/txn/src/kafka/kafkaScoreRunner.js';
import type { KafkaRunnerOptions } from '../../services/txn/src/kafka/runnerOptions.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { group: { type: 'string' }, instance: { type: 'string' }, 'batch-size': { type: 'string' }, 'window-ms': { type: 'string' }, 'crash-before-commit': { type: 'string' } },
});
const role = positionals[0];
if (role !== 'score' && role !== 'act') {
  console.error('usage: tsx scripts/kafka/worker.ts score|act [--group G] [--instance I] [--batch-size N] [--window-ms W]');
  process.exit(2);
}
const options: Partial<KafkaRunnerOptions> = {};
if (values.group) options.groupId = values.group;
if (values.instance) options.instance = values.instance;
if (values['batch-size']) options.batchSize = Number(values['batch-size']);
if (values['window-ms']) options.maximumBatchingWindowMs = Number(values['window-ms']);
process.env.TOPICS = 'kafka';
const config = loadTxnConfig();

const print = (r: object, extra: object = {}) => process.stdout.write(`${JSON.stringify({ role, at: Date.now(), ...r, ...extra })}\n`);
const onAssign = (partitions: number[]) => print({ assigned: partitions });
const worker = role === 'score'
  ? await kafkaScoreRunner(config, options, { onBatch: (r) => print(r), onAssign })
  : await kafkaActRunner(config, options, { onBatch: ({ objects, ...r }) => print(r, { objects: objects.length }), onAssign });
if (values['crash-before-commit']) {
  const at = Number(values['crash-before-commit']);
  const commit = worker.source.commit.bind(worker.source);
  let batches = 0;
  worker.source.commit = async (records) => {
    if (++batches === at) process.kill(process.pid, 'SIGKILL');
    return commit(records);
  };
}
print({ started: true, pid: process.pid });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  worker.runner.stop();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
await worker.runner.run();
await worker.close();
process.exit(0);
