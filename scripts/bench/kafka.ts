// Benchmark (not a test): the txn pipeline over a real Kafka broker, each function in its own process.
//   tsx scripts/bench/kafka.ts [--count 100000] [--rate 2000] [--seconds 30] [--partitions 6] [--scorers 1] [--only broker|throughput|latency]
// 0. the broker's own limit: Kafka's kafka-producer-perf-test and kafka-consumer-perf-test (the
//    kafka-tools jar) on the same broker and partitions, with the pipeline's own transactions as payloads;
// 1. sustained end-to-end throughput: `count` transactions produced as fast as possible, timed until
//    `act` has written the last one to the lake;
// 2. time to decision (ttdf: Kafka record timestamp -> decision) at a steady offered load of `rate`/s.
// Uses KAFKA_BROKERS, else starts the local broker (port 9092) of `npm run kafka:start`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sleep, type OutgoingMessage } from '@sfc/shared';
import { KafkaTopics } from '@sfc/shared/adapters/KafkaTopics.js';
import { loadTxnConfig, type TxnConfig } from '../../services/txn/src/config.js';
import { simulatorFrom } from '../../services/txn/src/context.js';
import { percentile } from '../../services/txn/src/local/stats.js';
import { startBroker, stopBroker } from '../kafka/broker.js';
import { Worker, waitFor } from '../kafka/workerProcess.js';
import { consumerPerf, producerPerf, type PerfResult } from '../kafka/perfTools.js';

const { values } = parseArgs({ options: {
  count: { type: 'string', default: '100000' }, rate: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '30' },
  partitions: { type: 'string', default: '6' }, scorers: { type: 'string', default: '1' }, only: { type: 'string' },
} });
const [count, rate, seconds, partitions, scorers] = [values.count, values.rate, values.seconds, values.partitions, values.scorers].map(Number) as [number, number, number, number, number];
// A broker this benchmark starts is stopped at the end; one given in KAFKA_BROKERS, or one already
// running on the port (`npm run kafka:start`), is left alone.
let ownBroker = false;
if (!process.env.KAFKA_BROKERS) {
  const broker = await startBroker({ log: (l) => console.log(l) });
  [process.env.KAFKA_BROKERS, ownBroker] = [broker.brokers, !broker.reused];
}

/** Fresh topics, groups and lake for one phase; score and act workers running on them. */
async function phase(name: string) {
  const id = `bench-${name}-${Date.now()}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, TOPICS: 'kafka', TRANSACTIONS_TOPIC: `${id}-transactions`, PROCESSED_TOPIC: `${id}-processed`, DLQ_TOPIC: `${id}-dlq`,
    TOPIC_PARTITIONS: String(partitions), DATA_DIR: mkdtempSync(join(tmpdir(), `${id}-`)), LOG_LEVEL: 'error', SIM_CUSTOMERS: '20000',
    // Fixed November 2026 event times, which age past any live window.
    EVENT_TIME_MAX_AGE_DAYS: '0',
  };
  const config = loadTxnConfig(env);
  const topics = new KafkaTopics({ brokers: config.KAFKA_BROKERS.split(','), clientId: 'sfc-bench', compression: config.KAFKA_COMPRESSION });
  await topics.ensureTopics([config.TRANSACTIONS_TOPIC, config.PROCESSED_TOPIC, config.DLQ_TOPIC].map((t) => ({ name: t, partitions })));
  const workers = [
    ...Array.from({ length: scorers }, (_, i) => new Worker('score', env, ['--group', `${id}-score`, '--instance', String(i)])),
    new Worker('act', env, ['--group', `${id}-act`]),
  ];
  const act = workers[workers.length - 1]!;
  await waitFor(() => workers.every((w) => w.lines.some((l) => l.assigned && l.assigned.length > 0)), 60_000, () => workers.map((w) => w.lastError).join('\n'));
  const close = async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await topics.close();
    rmSync(config.DATA_DIR, { recursive: true, force: true });
  };
  return { config, topics, act, close };
}

const messages = (c: TxnConfig, n: number, from: number): OutgoingMessage[] =>
  simulatorFrom(c).generate(from, from + 3_600_000, n).map(({ transaction }) => ({ key: transaction.entity_id, value: JSON.stringify(transaction) }));

/** ttdf of every decision in the lake, by event id. */
function lakeTtdf(c: TxnConfig): Map<string, number> {
  const root = join(c.DATA_DIR, c.LAKE_BUCKET, c.LAKE_PREFIX);
  const out = new Map<string, number>();
  for (const f of readdirSync(root, { recursive: true }) as string[]) {
    if (!f.endsWith('.jsonl')) continue;
    for (const line of readFileSync(join(root, f), 'utf8').split('\n')) {
      if (!line) continue;
      const tx = JSON.parse(line) as { event_id: string; fd: { ttdf_ms: number } };
      out.set(tx.event_id, tx.fd.ttdf_ms);
    }
  }
  return out;
}

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}); brokers ${process.env.KAFKA_BROKERS}; ${partitions} partitions; ${scorers} scorer process(es) + 1 act process; alerts ledger IDEMPOTENCY_STORE=${process.env.IDEMPOTENCY_STORE || 'fs'}`);

// 0. The broker's own limit, with records of the pipeline's sizes
let broker: { producer: PerfResult; consumer: PerfResult } | undefined;
if (values.only === undefined || values.only === 'broker' || values.only === 'throughput') {
  const id = `bench-broker-${Date.now()}`;
  const config = loadTxnConfig({ ...process.env, TOPICS: 'kafka', SIM_CUSTOMERS: '20000' });
  const topics = new KafkaTopics({ brokers: config.KAFKA_BROKERS.split(','), clientId: 'sfc-bench' });
  await topics.ensureTopics([{ name: `${id}-perf`, partitions }]);
  await topics.close();
  // The payloads: 10,000 transactions of the simulator, one JSON document per line, as the pipeline produces them.
  const dir = mkdtempSync(join(tmpdir(), `${id}-`));
  const payloads = messages(config, 10_000, Date.parse('2026-11-19T00:00:00Z')).map((m) => String(m.value));
  writeFileSync(join(dir, 'payloads.txt'), `${payloads.join('\n')}\n`);
  const bytes = payloads.reduce((n, v) => n + Buffer.byteLength(v), 0) / payloads.length;
  const producer = await producerPerf({ brokers: config.KAFKA_BROKERS, topic: `${id}-perf`, records: count, payloadFile: join(dir, 'payloads.txt') });
  const consumer = await consumerPerf({ brokers: config.KAFKA_BROKERS, topic: `${id}-perf`, records: count, group: `${id}-group` });
  rmSync(dir, { recursive: true, force: true });
  broker = { producer, consumer };
  console.log(`broker limit (Kafka's own perf tools, ${count.toLocaleString('en-US')} records of the pipeline's transactions, mean ${Math.round(bytes)} bytes, ${partitions} partitions, acks=all, idempotent, no compression, linger.ms=5, batch.size=256 KiB):`);
  console.log(`  kafka-producer-perf-test ${Math.round(producer.recordsPerSecond).toLocaleString('en-US')} records/s (${producer.mbPerSecond.toFixed(1)} MB/s); kafka-consumer-perf-test ${Math.round(consumer.recordsPerSecond).toLocaleString('en-US')} records/s (${consumer.mbPerSecond.toFixed(1)} MB/s)`);
}

// 1. Throughput
if (values.only === undefined || values.only === 'throughput') {
  const p = await phase('throughput');
  const input = messages(p.config, count, Date.parse('2026-11-20T00:00:00Z'));
  const t0 = performance.now();
  for (let i = 0; i < input.length; i += 2000) await p.topics.send(p.config.TRANSACTIONS_TOPIC, input.slice(i, i + 2000));
  const produced = (performance.now() - t0) / 1000;
  await waitFor(() => p.act.sum('written') >= count, 600_000, () => `act wrote ${p.act.sum('written')}`, 50);
  const total = (performance.now() - t0) / 1000;
  console.log(`throughput: ${count.toLocaleString('en-US')} transactions produce -> score -> act in ${total.toFixed(1)} s = ${Math.round(count / total).toLocaleString('en-US')} transactions/s end to end (producing alone took ${produced.toFixed(1)} s = ${Math.round(count / produced).toLocaleString('en-US')}/s)`);
  console.log(`  vs Amazon Fraud Detector's default quota of 200 GetEventPrediction/s: ${(count / total / 200).toFixed(1)}x`);
  if (broker) {
    // Each transaction is produced twice (transactions, processed_transactions) and consumed twice (score, act).
    const limit = Math.min(broker.producer.recordsPerSecond, broker.consumer.recordsPerSecond);
    console.log(`  = ${((count / total / limit) * 100).toFixed(1)}% of the broker's limit for these records (${Math.round(limit).toLocaleString('en-US')}/s, the slower of producing and consuming alone; the pipeline produces and consumes each transaction twice)`);
  }
  await p.close();
}

// 2. Latency at a steady offered load
if (values.only === undefined || values.only === 'latency') {
  const p = await phase('latency');
  const n = rate * seconds;
  const input = messages(p.config, n, Date.parse('2026-11-21T00:00:00Z'));
  const tickMs = 50;
  const perTick = (rate * tickMs) / 1000;
  const t0 = performance.now();
  for (let tick = 0; tick * perTick < n; tick++) {
    const due = t0 + tick * tickMs;
    if (performance.now() < due) await sleep(due - performance.now());
    void p.topics.send(p.config.TRANSACTIONS_TOPIC, input.slice(tick * perTick, (tick + 1) * perTick));
  }
  const offered = n / ((performance.now() - t0) / 1000);
  await waitFor(() => p.act.sum('written') >= n, 300_000, () => `act wrote ${p.act.sum('written')}`, 100);
  const ttdf = lakeTtdf(p.config);
  const all = [...ttdf.values()];
  // The first seconds include JIT compilation and the model's first runs: shown apart.
  const warm = input.slice(rate * 5).map((m) => ttdf.get((JSON.parse(String(m.value)) as { event_id: string }).event_id)!);
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const line = (v: number[]) => `p50 ${ms(percentile(v, 50))}  p95 ${ms(percentile(v, 95))}  p99 ${ms(percentile(v, 99))}  max ${ms(Math.max(...v))}`;
  console.log(`ttdf at ${Math.round(offered).toLocaleString('en-US')} transactions/s offered for ${seconds} s (${all.length.toLocaleString('en-US')} decisions): ${line(all)}`);
  console.log(`  after the first 5 s (${warm.length.toLocaleString('en-US')} decisions): ${line(warm)}`);
  console.log(`  vs Amazon Fraud Detector's default quota of 200 predictions/s: this load is ${(offered / 200).toFixed(0)}x that quota`);
  await p.close();
}
if (ownBroker) await stopBroker();
process.exit(0);
