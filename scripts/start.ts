// npm start: the whole system in one process on embedded defaults (in-process topics, buckets under
// DATA_DIR, alerts in an outbox). Flags: --count N (transactions, default 10000), --bad N (malformed
// records to inject), --tick N (transactions per produce run), --kafka (real topics: KAFKA_BROKERS, else
// the local broker of `npm run kafka:start`, started if needed; also chosen when KAFKA_BROKERS is set).
import { parseArgs } from 'node:util';
import { resolve, join } from 'node:path';
import { ConfigError } from '@sfc/shared';
import { loadTxnConfig, type TxnConfig } from '../services/txn/src/config.js';
import { runEmbeddedPipeline } from '../services/txn/src/local/embeddedPipeline.js';
import { produceTicks } from '../services/txn/src/local/runSummary.js';
import { describeLakePii } from '../services/txn/src/local/lakePii.js';
import { caseStoreFrom } from '../services/txn/src/cases/caseStoreFrom.js';
import { progressBar } from './lib/progress.js';
import { runReport } from '../services/rpt/src/local/runReport.js';
import { scanUploads } from '../services/cs/src/local/scanUploads.js';
import { formatSummary } from '../services/rpt/src/report/summarize.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    tick: { type: 'string', default: '500' },
    bad: { type: 'string', default: '0' },
    customers: { type: 'string', default: '1000' },
    kafka: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm start [-- --count 10000 --tick 500 --bad 0 --customers 1000 --kafka]');
  process.exit(0);
}
const int = (name: string, v: string | undefined) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`error: --${name} must be a non-negative integer, got ${JSON.stringify(v)}`);
    process.exit(2);
  }
  return n;
};
const count = int('count', values.count);
const tick = Math.max(1, int('tick', values.tick));
const bad = int('bad', values.bad);

// A small population, so that 10,000 transactions give each customer a history to be judged by.
process.env.SIM_CUSTOMERS ??= String(Math.max(1, int('customers', values.customers)));
// Handlers read their configuration from the environment, as in Lambda; quiet per-batch logs.
process.env.LOG_LEVEL ??= 'warn';
// --kafka, TOPICS=kafka, or KAFKA_BROKERS with TOPICS unset choose real topics; an explicit TOPICS wins.
if (values.kafka) process.env.TOPICS = 'kafka';
const kafka = process.env.TOPICS === 'kafka' || (!process.env.TOPICS && Boolean(process.env.KAFKA_BROKERS));
if (kafka) {
  process.env.TOPICS = 'kafka';
  if (!process.env.KAFKA_BROKERS) {
    const { startBroker } = await import('./kafka/broker.js');
    process.env.KAFKA_BROKERS = (await startBroker({ log: (l) => console.log(l) })).brokers;
    console.log('(the local broker keeps running for the next run: npm run kafka:stop stops it)');
  }
}
let config;
try {
  config = loadTxnConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  throw err;
}

// The simulated days before now must fit the scorer's live window (EVENT_TIME_MAX_AGE_DAYS, default
// 30; about 6 days at the defaults): a longer run raises it for this run unless it is set.
const spanDays = Math.ceil((Date.now() - (produceTicks(config, { count, tick })[0]?.from ?? Date.now())) / 86_400_000) + 1;
if (!process.env.EVENT_TIME_MAX_AGE_DAYS && config.EVENT_TIME_MAX_AGE_DAYS > 0 && spanDays > config.EVENT_TIME_MAX_AGE_DAYS) {
  process.env.EVENT_TIME_MAX_AGE_DAYS = String(spanDays);
  config = loadTxnConfig();
}

const bar = progressBar('transactions');
const run = kafka ? (await import('../services/txn/src/kafka/kafkaPipeline.js')).runKafkaPipeline : runEmbeddedPipeline;
const s = await run(config, { count, tick, bad, onProgress: bar.update });
const ms = (x: number) => `${x.toFixed(1)} ms`;
const dataDir = resolve(config.DATA_DIR);
console.log(`
txn${kafka ? ` over Kafka (${config.KAFKA_BROKERS})` : ''}: ${s.produced.toLocaleString('en-US')} produced${s.injectedBad ? ` + ${s.injectedBad} malformed injected` : ''} in ${s.seconds.toFixed(1)} s (${Math.round(s.produced / s.seconds).toLocaleString('en-US')}/s)
  scored        ${s.scored.toLocaleString('en-US')}   approve ${s.outcomes.approve.toLocaleString('en-US')}   review ${s.outcomes.review}   block ${s.outcomes.block}
  dead-lettered ${s.deadLettered}
  alerts sent   ${s.alerts}
  lake rows     ${s.lakeRows.toLocaleString('en-US')} in ${s.lakeObjects} objects
  ttdf          p50 ${ms(s.ttdfMs.p50)}   p95 ${ms(s.ttdfMs.p95)}   p99 ${ms(s.ttdfMs.p99)}   (this run's ${s.scored.toLocaleString('en-US')} scored, nearest rank)
  lake          ${join(dataDir, config.LAKE_BUCKET, config.LAKE_PREFIX)}
  lake PII      ${await describeLakePii(config)}
  outbox        ${join(dataDir, 'outbox', 'alerts.jsonl')}
  review cases  ${await describeCases(config)}`);
const m = s.metrics;
if (m) {
  console.log(`  metrics (EMF) TransactionsScored approve ${m.scored.approve.toLocaleString('en-US')} review ${m.scored.review} block ${m.scored.block}   RecordsDeadLettered ${m.deadLettered}   AlertsSent ${m.alertsSent}   TimeToDetectFraud p99 ${ms(m.ttdfP99Ms)}
                in ${resolve(m.file)} (what CloudWatch would receive)`);
}
if (s.failedRecords > 0) {
  console.error(`  failed        ${s.failedRecords} records in batches that used up MAX_BATCH_ATTEMPTS, kept whole in ${join(dataDir, config.FAILURES_BUCKET)}: fix the cause, then npm run redrive`);
}
const metricsAgree = !m || (m.scored.approve === s.outcomes.approve && m.scored.review === s.outcomes.review && m.scored.block === s.outcomes.block
  && m.deadLettered === s.deadLettered && m.alertsSent === s.alerts);
if (s.produced + s.injectedBad !== s.scored + s.deadLettered || s.lakeRows !== s.scored || s.alerts !== s.outcomes.block || !metricsAgree) {
  console.error('error: counts do not reconcile (produced + injected = scored + dead-lettered, lake rows = scored, alerts = blocks, metrics = counts)');
  process.exit(1);
}

// Compliance: every document in the local uploads bucket through the cs handler (sample loan
// documents are put there first when it is empty).
const scan = await scanUploads({ dataDir: config.DATA_DIR });
console.log(`\ncs: ${scan.scanned} documents scanned${scan.seeded ? ` (${scan.seeded} samples put in the uploads bucket)` : ''}
  pii ${scan.byVerdict.pii}   clean ${scan.byVerdict.clean}   quarantine ${scan.byVerdict.quarantine}${scan.alreadyProcessed ? `   already processed ${scan.alreadyProcessed}` : ''}
  buckets       ${join(dataDir, '{pii,clean,quarantine}')} (a .finding.json beside each document)
  redacted      ${scan.redacted.published} copies of pii documents verified by a rescan, in ${join(dataDir, 'redacted')}${scan.redacted.notPublished ? `; ${scan.redacted.notPublished} not published (the finding's redaction.reason says why)` : ''}`);

// The dashboard covers the whole local lake, as `npm run report` does by default: the two agree.
const report = await runReport({ dataDir: config.DATA_DIR });
const inLake = Number(report.report.results.kpis.totals?.[0]?.transactions ?? 0);
const earlier = inLake - s.lakeRows;
console.log(`\nrpt: KPIs over the whole lake (DuckDB), the same window as npm run report
${formatSummary(report.summary)}
  (ttdf over the ${inLake.toLocaleString('en-US')} valid lake rows in the window${earlier > 0 ? `: this run's ${s.lakeRows.toLocaleString('en-US')} and ${earlier.toLocaleString('en-US')} from earlier runs` : earlier < 0 ? `: ${(-earlier).toLocaleString('en-US')} of this run's rows were skipped` : ', the same rows as txn\'s'};
   interpolated between neighbouring ranks as on Athena, where txn takes the nearest rank: ttdf comes in batch-sized steps, so the two can differ by a step)
  dashboard     ${report.path}${report.replaced ? `  (replaced one over ${report.replaced})` : ''}`);
for (const r of report.report.results.rejected) console.log(`  skipped       ${r.object}: ${r.reason}`);
// Kafka clients keep sockets open; the run is over.
if (kafka) process.exit(0);

/** Open review cases an analyst can decide now (every `review` of every run on this DATA_DIR). */
async function describeCases(c: TxnConfig): Promise<string> {
  const store = await caseStoreFrom(c);
  if (!store) return 'off (CASES_STORE=none)';
  const open = await store.list({ open: true, limit: Number.MAX_SAFE_INTEGER });
  return `${open.length.toLocaleString('en-US')} open in ${join(resolve(c.DATA_DIR), 'cases')} (decide them: npm run review, or npm run cases -- list)`;
}
