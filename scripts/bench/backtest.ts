// Benchmark (not a test): backtest of one rule over N lake transactions generated on disk (JSON Lines,
// as act writes them, 1% labelled). `tsx scripts/bench/backtest.ts [--rows N] [--runs N]`.
// Cold: the JSON is parsed and validated (rpt's lake relations) and the backtest's Parquet cache
// written at close; warm: later runs read that cache, as a second backtest of the same lake does.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { writeLake } from '../../services/rpt/test/support/writeLake.js';
import { DuckDbSqlEngine } from '../../services/rpt/src/adapters/DuckDbSqlEngine.js';
import { planBacktest } from '../../services/txn/src/backtest/plan.js';
import { runBacktest } from '../../services/txn/src/backtest/runBacktest.js';
import { DetectorFileSchema } from '../../services/txn/src/rules/detectorFile.js';

const arg = (name: string, fallback: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : fallback; };
const rows = arg('--rows', 1_000_000);
const runs = Math.max(2, arg('--runs', 3));
const dataDir = resolve('.data', 'bench-backtest');
const lakeDir = join(dataDir, 'lake');
const cacheDir = join(dataDir, 'cache');
const start = new Date('2026-01-15T00:00:00Z');
const window = { from: start, to: new Date(start.getTime() + 24 * 3_600_000) };
const marker = join(lakeDir, 'BENCH_ROWS');

if (!existsSync(marker) || (await readFile(marker, 'utf8')) !== String(rows)) {
  await rm(lakeDir, { recursive: true, force: true });
  const t0 = performance.now();
  // 24 hourly partitions, 10,000 rows per object; every 1,000th record is zod-validated.
  await writeLake(new FsObjectStore(dataDir), 'lake', { transactions: rows, findings: 0, start, spanMinutes: 24 * 60 - 1, rowsPerObject: 10_000, validateEvery: 1000 });
  const labels: string[] = [];
  for (let i = 0; i < rows; i += 100) labels.push(JSON.stringify({ event_id: `evt-${i}`, entity_id: `ent-${i % 5000}`, label: i % 300 === 0 ? 'fraud' : 'legit', label_time: '2026-01-20T00:00:00.000Z', source: 'import' }));
  await mkdir(join(lakeDir, 'labels', 'dt=2026-01-20'), { recursive: true });
  await writeFile(join(lakeDir, 'labels', 'dt=2026-01-20', 'labels-0.jsonl'), `${labels.join('\n')}\n`);
  await writeFile(marker, String(rows));
  console.log(`generated ${rows.toLocaleString('en-US')} transactions and ${labels.length.toLocaleString('en-US')} labels in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

const def = DetectorFileSchema.parse({ rules: [{ ruleId: 'big_risky', expression: '$insightscore > 800 and $order_price > 500', outcomes: ['block'] }] });
const times: { mode: string; ms: number }[] = [];
for (let run = 0; run < runs; run++) {
  if (run === 0) await rm(cacheDir, { recursive: true, force: true });
  const t0 = performance.now();
  const engine = await DuckDbSqlEngine.create({ lakeDir, cacheDir });
  const plan = planBacktest(def, { dialect: engine.dialect, lists: new Map(), tokensOf: () => [], rawPii: false });
  const result = await runBacktest(engine, plan, { window, lakeName: lakeDir });
  const queried = performance.now() - t0;
  await engine.close();
  const total = performance.now() - t0;
  times.push({ mode: run === 0 ? 'cold' : 'warm', ms: total });
  console.log(`run ${run + 1} (${run === 0 ? 'cold: JSON, cache written at close' : 'warm: Parquet cache'}): ${result.rows.toLocaleString('en-US')} rows, ${result.perRule[0]!.matches} matches; ${(queried / 1000).toFixed(1)} s to results, ${(total / 1000).toFixed(1)} s with close`);
}
const cold = times[0]!.ms;
const warm = [...times.slice(1)].map((t) => t.ms).sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!;
console.log(`\nbacktest benchmark: one rule over ${rows.toLocaleString('en-US')} lake rows (DuckDB, 2 threads)`);
console.log(`cold (JSON)          ${(cold / 1000).toFixed(1).padStart(6)} s  ${Math.round(rows / (cold / 1000)).toLocaleString('en-US').padStart(10)} rows/s`);
console.log(`warm (Parquet cache) ${(warm / 1000).toFixed(1).padStart(6)} s  ${Math.round(rows / (warm / 1000)).toLocaleString('en-US').padStart(10)} rows/s (median of ${runs - 1})`);
console.log(`extrapolated, not measured: 10,000,000 rows would take about ${(10_000_000 / rows * cold / 1000).toFixed(0)} s cold and ${(10_000_000 / rows * warm / 1000).toFixed(0)} s warm at these rates`);
