// Feature extraction at scale: the streaming training pass over BENCH_EVENTS (default 2,000,000)
// simulated events in AFD's CSV format, with events/s and the process's peak RSS.
// npm run bench -- features [--keep] (the CSV is cached under .data/bench/ with --keep)
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readAfdEvents } from '../../services/txn/src/afd/eventReader.js';
import { TRANSACTION_EVENT_TYPE } from '../../services/txn/src/eventType/transaction.js';
import { FeatureEngine } from '../../services/txn/src/features/FeatureEngine.js';
import { buildDataset } from '../../services/txn/src/training/dataset.js';
import { defaultKeys, vocabulariesFrom } from '../../services/txn/src/training/defaults.js';
import { csvSample } from '../../services/txn/src/afd/csvRows.js';
import { sampleValues, SAMPLE_ROWS } from '../fraud/cli.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000);
const CUSTOMERS = Math.max(1000, Math.round(EVENTS / 65));
const keep = process.argv.includes('--keep');
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString('en-US')} events/s`;

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
  console.log(`${engine.count} features per event; CSV ${mib(statSync(csv).size)}`);

  // CPU seconds too: on a shared machine they say more about the code than wall time does.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  let started = performance.now();
  let cpuStarted = cpu();
  let rows = 0;
  await readAfdEvents(csv, { eventType: TRANSACTION_EVENT_TYPE, requireLabels: true, onRow: () => void rows++ });
  const readSeconds = (performance.now() - started) / 1000;
  const readCpu = cpu() - cpuStarted;

  const out = mkdtempSync(join(tmpdir(), 'bench-features-out-'));
  started = performance.now();
  cpuStarted = cpu();
  const ds = await buildDataset({ file: csv, engine, outDir: out, testShare: 0.2, validShare: 0.125, maxSkipped: 0 });
  const totalSeconds = (performance.now() - started) / 1000;
  const totalCpu = cpu() - cpuStarted;
  rmSync(out, { recursive: true, force: true });
  const featuresAlone = ds.featureSeconds - readSeconds;
  const peakRss = process.resourceUsage().maxRSS * 1024;

  console.log('\nfeature extraction, one core (Node main thread)');
  console.log(`  events                                ${ds.events.toLocaleString('en-US')} (${ds.fraud.toLocaleString('en-US')} fraud; ${ds.labelsApplied.toLocaleString('en-US')} labels fed back)`);
  console.log(`  read + parse + validate CSV           ${readSeconds.toFixed(1)} s   ${rate(rows, readSeconds)}`);
  console.log(`  feature pass (read + features + write) ${ds.featureSeconds.toFixed(1)} s   ${rate(ds.events, ds.featureSeconds)}`);
  console.log(`  feature extraction alone              ${featuresAlone.toFixed(1)} s   ${rate(ds.events, featuresAlone)}   (feature pass minus the read)`);
  console.log(`  whole training set (scan + features)  ${totalSeconds.toFixed(1)} s   ${rate(ds.events, totalSeconds)}`);
  console.log(`  CPU time: read ${readCpu.toFixed(1)} s (${rate(rows, readCpu)} per CPU second); scan + features ${totalCpu.toFixed(1)} s; features alone about ${rate(ds.events, totalCpu - 2 * readCpu)} per CPU second`);
  console.log(`  load average while running: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  console.log(`  peak RSS                              ${mib(peakRss)}   (heap now ${mib(process.memoryUsage().heapUsed)}, default heap limit ${mib((await import('node:v8')).getHeapStatistics().heap_size_limit)})`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
