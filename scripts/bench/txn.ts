// In-process scoring throughput: decode + validate + features (entity state) + model + encode, as the
// `score` handler does it, on one core (Node's single thread; onnxruntime with one intra-op thread).
import { createLogger, MemoryTopics, type DecodedMskRecord } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { scoreBatch } from '../../services/txn/src/pipeline/scoreBatch.js';
import { OnnxFraudScorer } from '../../services/txn/src/scoring/OnnxFraudScorer.js';
import { resolveModelDir } from '../../services/txn/src/modelDir.js';
import { rulesFrom } from '../../services/txn/src/deps/scoreDeps.js';
import { loadTxnConfig } from '../../services/txn/src/config.js';
import { TransactionSimulator } from '../../services/txn/src/simulator/simulator.js';
import { percentile } from '../../services/txn/src/local/stats.js';

const TOTAL = Number(process.env.BENCH_RECORDS ?? 200_000);
const rules = rulesFrom(loadTxnConfig());
const end = Date.parse('2026-11-01T00:00:00Z');
const sim = new TransactionSimulator({ seed: 9, customers: 50_000 });
console.log(`generating ${TOTAL.toLocaleString('en-US')} transactions for 50,000 customers...`);
const days = TOTAL / sim.eventsPerDay;
const records: DecodedMskRecord[] = sim.generate(end - days * 86_400_000, end, TOTAL).map((e, i) => ({
  topic: 'transactions', partition: 0, offset: String(i), timestamp: Date.now(), key: e.transaction.entity_id, value: Buffer.from(JSON.stringify(e.transaction)),
}));

async function run(batchSize: number, replayHours = 24) {
  const topics = new MemoryTopics(1);
  const scorer = await OnnxFraudScorer.load({ modelDir: resolveModelDir(''), state: new PackedEntityState({ maxEntities: 1_000_000, ttlSeconds: 30 * 86_400 }), explainFrom: rules.review, replayTtlSeconds: replayHours * 3600 });
  const deps = { scorer, producer: topics, topics: { processed: 'p', dlq: 'd' }, rules, maxRecordBytes: 65_536, logger: createLogger('bench', { level: 'silent' }) };
  // Warm up the JIT and the entity state on the first 10%.
  const warm = Math.floor(records.length / 10);
  for (let i = 0; i < warm; i += batchSize) await scoreBatch(records.slice(i, i + batchSize), deps);
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = warm; i < records.length; i += batchSize) {
    const t = performance.now();
    await scoreBatch(records.slice(i, i + batchSize), deps);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const n = records.length - warm;
  // CPU seconds of the whole process (GC and onnxruntime threads included): on a shared machine this says
  // more about one core's throughput than wall time does.
  return { batchSize, tps: n / seconds, perCpu: n / ((used.user + used.system) / 1e6), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

console.log('\nscore: in-process throughput (decode + validate + features + model + reasons + encode), one core');
console.log('batch size | transactions/s | per CPU second | batch p50 ms | batch p99 ms');
const row = (r: Awaited<ReturnType<typeof run>>, note = '') =>
  console.log(`${String(r.batchSize).padStart(10)} | ${Math.round(r.tps).toLocaleString('en-US').padStart(14)} | ${Math.round(r.perCpu).toLocaleString('en-US').padStart(14)} | ${r.p50.toFixed(2).padStart(12)} | ${r.p99.toFixed(2).padStart(12)}${note}`);
for (const size of [100, 1000]) row(await run(size));
// The cost of replay safety (issue 11): the same run without remembering decisions (ENTITY_REPLAY_HOURS off).
row(await run(1000, 0), '   without replay records (before replay safety)');
console.log(`(load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
