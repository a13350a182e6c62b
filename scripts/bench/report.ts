// Benchmark (not a test): local KPI queries over 1,000,000 transactions in the lake, and dashboard
// generation. `tsx scripts/bench/report.ts [--rows N] [--runs N]`. The lake is JSON Lines, as txn writes it.
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { writeLake } from '../../services/rpt/test/support/writeLake.js';
import { DuckDbSqlEngine } from '../../services/rpt/src/adapters/DuckDbSqlEngine.js';
import { runKpis } from '../../services/rpt/src/report/runKpis.js';
import { generateReport } from '../../services/rpt/src/report/generateReport.js';
import { chartLibraryFromNodeModules } from '../../services/rpt/src/dashboard/chartLibraryFromNodeModules.js';

const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : fallback; };
const rows = arg('--rows', 1_000_000);
const runs = Math.max(2, arg('--runs', 4));
const dataDir = resolve('.data', 'bench-report');
const start = new Date('2026-01-15T00:00:00Z');
const window = { from: start, to: new Date(start.getTime() + 24 * 3_600_000) };
const store = new FsObjectStore(dataDir);
const marker = join(dataDir, 'lake', 'BENCH_ROWS');

if (!existsSync(marker) || (await readFile(marker, 'utf8')) !== String(rows)) {
  await rm(join(dataDir, 'lake'), { recursive: true, force: true });
  const t0 = performance.now();
  // 24 hourly partitions, 10,000 rows per object (as act's batches would write them); every 1,000th record is zod-validated.
  await writeLake(store, 'lake', { transactions: rows, findings: 2000, start, spanMinutes: 24 * 60 - 1, rowsPerObject: 10_000, validateEvery: 1000 });
  await writeFile(marker, String(rows));
  console.log(`generated ${rows.toLocaleString('en-US')} transactions in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timings: Record<string, number[]> = {};
const record = (k: string, v: number) => { (timings[k] ??= []).push(v); };
const cacheDir = join(dataDir, 'cache');
for (let run = 0; run < runs; run++) {
  // Run 0 starts without the Parquet cache (JSON parsed and validated into memory, written to the
  // cache when the engine closes), later runs read the cache.
  const mode = run === 0 ? 'cold' : 'warm';
  if (run === 0) await rm(cacheDir, { recursive: true, force: true });
  const t0 = performance.now();
  const engine = await DuckDbSqlEngine.create({ lakeDir: join(dataDir, 'lake'), cacheDir });
  const results = await runKpis(engine, window);
  const t1 = performance.now();
  for (const [k, v] of Object.entries(results.timingsMs)) record(`${mode}: ${k}`, v);
  record(`${mode}: all KPI queries (load + validate + queries)`, t1 - t0);
  const tr = performance.now();
  const report = await generateReport({ engine, store, chartLibrary: chartLibraryFromNodeModules }, { bucket: 'reports', key: 'bench-dashboard.html', window });
  record(`${mode}: dashboard render + write (of which)`, report.timingsMs.render);
  record(`${mode}: dashboard generation (queries + render + write)`, performance.now() - tr);
  const tc = performance.now();
  await engine.close();
  record(`${mode}: Parquet cache write, at close (after the report)`, performance.now() - tc);
  if (run === 0) console.log(`rows in window: ${results.kpis.totals![0]!.transactions}, skipped: ${results.rejected.length}`);
}

// Incremental: act adds an object to one hour folder (a copy of one there, under another source
// partition) and the next scheduled report runs; only that folder is read from JSON again.
{
  const folder = join(dataDir, 'lake', 'processed', 'dt=2026-01-15', 'hour=12');
  const [first] = (await readdir(folder)).filter((f) => f.endsWith('.jsonl')).sort();
  const added = join(folder, 'transactions-9-0.jsonl');
  await copyFile(join(folder, first!), added);
  try {
    const t0 = performance.now();
    const engine = await DuckDbSqlEngine.create({ lakeDir: join(dataDir, 'lake'), cacheDir });
    const results = await runKpis(engine, window);
    record('incremental (one new object): all KPI queries', performance.now() - t0);
    record('incremental (one new object): load', results.timingsMs.load!);
    const tc = performance.now();
    await engine.close();
    record('incremental (one new object): cache write at close', performance.now() - tc);
  } finally {
    await rm(added);
  }
}

console.log(`\nrpt report benchmark: ${rows.toLocaleString('en-US')} transactions in 24 hourly partitions; ms (DuckDB, 2 threads); cold = 1 run, warm = median of ${runs - 1}`);
for (const [k, v] of Object.entries(timings)) if (k.startsWith('cold') || k.includes('all KPI') || k.includes('dashboard') || k.includes('load') || k.includes('render') || k.includes('cache write') || k.startsWith('incremental')) console.log(`${k.padEnd(58)} ${median(v).toFixed(0).padStart(7)}`);
