// Kafka's own performance tools (org.apache.kafka.tools.ProducerPerformance / ConsumerPerformance from
// the kafka-tools jar on Maven Central, fetched with the broker's jars): what the broker sustains for
// plain producing and consuming, to compare the pipeline with.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokerPaths } from './brokerConfig.js';
import { ensureJars } from './broker.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PerfResult {
  records: number;
  recordsPerSecond: number;
  mbPerSecond: number;
  output: string;
}

function runTool(mainClass: string, args: string[]): Promise<string> {
  const p = brokerPaths(ROOT, 9092);
  ensureJars(p);
  const java = ['-Xmx512m', `-Dlog4j.configuration=file:${join(ROOT, 'scripts/kafka/log4j.properties')}`, '-cp', `${p.libs}/*`, mainClass, ...args];
  return new Promise((ok, fail) => {
    const child = spawn('java', java, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${mainClass} exited ${code}: ${out.slice(-2000)}`))));
  });
}

/**
 * kafka-producer-perf-test: `records` records drawn from `payloadFile` (one payload per line, so the
 * sizes are the pipeline's), as fast as the broker takes them, with the pipeline producer's settings.
 */
export async function producerPerf(o: { brokers: string; topic: string; records: number; payloadFile: string; props?: Record<string, string> }): Promise<PerfResult> {
  // Batching as a throughput-minded producer does (the pipeline's kafkajs producer sends 2,000 records per request).
  const props = { 'bootstrap.servers': o.brokers, acks: 'all', 'enable.idempotence': 'true', 'compression.type': 'none', 'linger.ms': '5', 'batch.size': '262144', ...o.props };
  const output = await runTool('org.apache.kafka.tools.ProducerPerformance', [
    '--topic', o.topic, '--num-records', String(o.records), '--throughput', '-1', '--payload-file', o.payloadFile,
    '--producer-props', ...Object.entries(props).map(([k, v]) => `${k}=${v}`),
  ]);
  // Last line: "100000 records sent, 52345.6 records/sec (25.12 MB/sec), 120.5 ms avg latency, ..."
  const m = /(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\)/.exec(output.trim().split('\n').pop() ?? '');
  if (!m) throw new Error(`ProducerPerformance: no summary in its output: ${output.slice(-1000)}`);
  return { records: Number(m[1]), recordsPerSecond: Number(m[2]), mbPerSecond: Number(m[3]), output };
}

/**
 * kafka-consumer-perf-test: reads `records` records of `topic` from the start in a fresh group; the
 * rate is over fetch time (rebalance excluded), as the tool reports it.
 */
export async function consumerPerf(o: { brokers: string; topic: string; records: number; group: string }): Promise<PerfResult> {
  const output = await runTool('org.apache.kafka.tools.ConsumerPerformance', [
    '--bootstrap-server', o.brokers, '--topic', o.topic, '--messages', String(o.records), '--group', o.group, '--timeout', '60000',
  ]);
  // header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
  const row = output.split('\n').filter((l) => /^\d{4}-\d\d-\d\d [\d:]+, /.test(l)).pop() ?? '';
  const cols = row.split(',').map((s) => s.trim());
  if (cols.length < 10) throw new Error(`ConsumerPerformance: no result line in its output: ${output.slice(-1000)}`);
  return { records: Number(cols[4]), recordsPerSecond: Number(cols[9]), mbPerSecond: Number(cols[8]), output };
}
