// Feature extraction at scale: BENCH_EVENTS (default 2,000,000) simulated events in AFD's CSV format,
// streamed as training does; prints events/s and the process's peak RSS.
// npm run bench -- features [--keep] (the CSV is cached under .data/bench/ with --keep)
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { csvSample } from '../../services/txn/src/afd/csvRows.js';
import { readAfdEvents, type AfdRow } from '../../services/txn/src/afd/eventReader.js';
import { TRANSACTION_EVENT_TYPE } from '../../services/txn/src/eventType/transaction.js';
import { FeatureEngine } from '../../services/txn/src/features/FeatureEngine.js';
import { DAY } from '../../services/txn/src/features/windows.js';
import { buildDataset, packedLookup } from '../../services/txn/src/training/dataset.js';
import { defaultKeys, vocabulariesFrom } from '../../services/txn/src/training/defaults.js';
import { knownAt, LabelQueue } from '../../services/txn/src/training/labelQueue.js';
import { sampleValues, SAMPLE_ROWS } from '../fraud/cli.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const CUSTOMERS = Math.max(1000, Math.round(EVENTS / 65));
const CHUNK = 2_000;
const keep = process.argv.includes('--keep');
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en-US')} events/s`;
/** CPU seconds of the process: on a shared machine they say more about the code than wall time does. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const dir = keep ? '.data/bench' : mkdtempSync(join(tmpdir(), 'bench-features-'));
mkdirSync(dir, { recursive: true });
const csv = join(dir, `events-${EVENTS}.csv`);
try {
  if (!existsSync(csv)) {
    console.log(`simulating ${EVENTS.toLocaleString('en-US')} events of ${CUSTOMERS.toLocaleString('en-US')} customers (once; not timed)...`);
    const sim = spawnSync('npx', ['tsx', 'scripts/fraud/simulate.ts', '--out', csv, '--events', String(EVENTS), '--customers', String(CUSTOMERS), '--seed', '5', '--no-cohorts'], { stdio: 'inherit' });
    if (sim.status !== 0) process.exit(sim.status ?? 1);
  }
  // The settings train:fraud derives for this file (aggregation keys, vocabularies).
  const sample = sampleValues(TRANSACTION_EVENT_TYPE, await csvSample(csv, SAMPLE_ROWS));
  const engine = new FeatureEngine(TRANSACTION_EVENT_TYPE, { keys: defaultKeys(TRANSACTION_EVENT_TYPE, sample), vocabularies: vocabulariesFrom(TRANSACTION_EVENT_TYPE, sample), labelDelayDays: 7, entityLabels: true });
  console.log(`${engine.count} features per event (keys: ${engine.settings.keys.map((k) => k.variable).join(', ')}); CSV ${mib(statSync(csv).size)}`);

  // 1. Reading alone: parse, validate, convert.
  let wall = performance.now();
  let used = cpu();
  let rows = 0;
  await readAfdEvents(csv, { eventType: TRANSACTION_EVENT_TYPE, requireLabels: true, onRow: () => void rows++ });
  const read = { wall: (performance.now() - wall) / 1000, cpu: cpu() - used };

  // 2. Feature extraction alone: rows read a chunk at a time, then only the features are timed
  //    (state of every customer, merchant and IP address; labels fed back as they become known).
  const lookup = packedLookup(new PackedEntityState({ maxEntities: Number.MAX_SAFE_INTEGER, ttlSeconds: 1e12, now: () => 0 }));
  const queue = new LabelQueue();
  const out = new Float32Array(CHUNK * engine.count);
  const features = { wall: 0, cpu: 0 };
  let chunk: AfdRow[] = [];
  const extract = async () => {
    const [w, c] = [performance.now(), cpu()];
    chunk.forEach((row, j) => {
      queue.drain(row.time, (l) => engine.label({ entityId: l.entityId, values: [] }, l.knownAt, lookup, l.ids));
      const ids = engine.idsOf(row);
      engine.step(row, lookup, out, j * engine.count, ids);
      if (row.label === 1) queue.push({ knownAt: knownAt(row.time, row.labelTime, 7 * DAY), entityId: row.entityId, ids });
    });
    features.wall += (performance.now() - w) / 1000;
    features.cpu += cpu() - c;
    chunk = [];
  };
  await readAfdEvents(csv, { eventType: TRANSACTION_EVENT_TYPE, requireLabels: true, onRow: (r) => void chunk.push(r), afterChunk: async () => { if (chunk.length >= CHUNK) await extract(); } });
  await extract();

  // 3. The whole training set as train:fraud builds it: scan, features in time order, rows written.
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-features-out-'));
  wall = performance.now();
  used = cpu();
  const ds = await buildDataset({ file: csv, engine, outDir: dataDir, testShare: 0.2, validShare: 0.125, maxSkipped: 0 });
  const whole = { wall: (performance.now() - wall) / 1000, cpu: cpu() - used };
  rmSync(dataDir, { recursive: true, force: true });

  const line = (what: string, t: { wall: number; cpu: number }, n: number) =>
    console.log(`  ${what.padEnd(42)} ${t.wall.toFixed(1).padStart(6)} s  ${rate(n, t.wall).padStart(18)}   ${rate(n, t.cpu).padStart(18)} per CPU second`);
  console.log(`\n${ds.events.toLocaleString('en-US')} events (${ds.fraud.toLocaleString('en-US')} fraud, ${ds.labelsApplied.toLocaleString('en-US')} labels fed back), one core (Node's main thread)`);
  line('read + parse + validate the CSV', read, rows);
  line('feature extraction (state, labels)', features, rows);
  line('training set: scan + features + rows out', whole, ds.events);
  console.log(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}; heap now ${mib(process.memoryUsage().heapUsed)} of Node's default limit ${mib(getHeapStatistics().heap_size_limit)}`);
  console.log(`  (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores while it ran)`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
