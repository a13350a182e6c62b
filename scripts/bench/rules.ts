// The cost of the detector's rules and lists (issue 21): in-process scoring throughput with no rules
// (the thresholds alone) and with 50 rules in ALL_MATCHED mode (every rule runs on every event) over
// three lists of 100,000 entries in all, alternating in one process so both see the same machine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, MemoryTopics, type DecodedMskRecord } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { scoreBatch, type ScoreDeps } from '../../services/txn/src/pipeline/scoreBatch.js';
import { OnnxFraudScorer } from '../../services/txn/src/scoring/OnnxFraudScorer.js';
import { resolveModelDir } from '../../services/txn/src/modelDir.js';
import { Detector } from '../../services/txn/src/rules/Detector.js';
import { DetectorFileSchema } from '../../services/txn/src/rules/detectorFile.js';
import { FileListStore } from '../../services/txn/src/lists/FileListStore.js';
import { ListCache } from '../../services/txn/src/lists/ListCache.js';
import { TransactionSimulator } from '../../services/txn/src/simulator/simulator.js';

const TOTAL = Number(process.env.BENCH_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BATCH = 1000;
const thresholds = { block: 900, review: 700 };
const end = Date.parse('2026-11-01T00:00:00Z');
const sim = new TransactionSimulator({ seed: 9, customers: 50_000 });
console.log(`generating ${TOTAL.toLocaleString('en-US')} transactions for 50,000 customers...`);
const events = sim.generate(end - (TOTAL / sim.eventsPerDay) * 86_400_000, end, TOTAL).map((e) => e.transaction);
const records: DecodedMskRecord[] = events.map((t, i) => ({ topic: 'transactions', partition: 0, offset: String(i), timestamp: Date.now(), key: t.entity_id, value: Buffer.from(JSON.stringify(t)) }));

// Lists: 80,000 e-mails (1 in 100 of the simulated customers' among them), 10,000 IPs, 10,000 BINs.
const store = new FileListStore(join(mkdtempSync(join(tmpdir(), 'bench-lists-')), 'lists'));
await store.create('deny_emails', 'EMAIL_ADDRESS');
await store.create('allow_ips', 'IP_ADDRESS');
await store.create('deny_bins', 'CARD_BIN');
const known = [...new Set(events.map((t) => t.email_address.toLowerCase()))].filter((_, i) => i % 100 === 0);
await store.append('deny_emails', [...known, ...Array.from({ length: 80_000 - known.length }, (_, i) => `someone${i}@deny.example`)]);
await store.append('allow_ips', Array.from({ length: 10_000 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`));
await store.append('deny_bins', Array.from({ length: 10_000 }, (_, i) => String(400_000 + i * 7)));

const kinds = [
  (i: number) => `$customer_email in @deny_emails and $insightscore > ${i}`,
  (i: number) => `$ip_address not in @allow_ips and $order_price > ${500 + i * 10}`,
  (i: number) => `$card_bin in @deny_bins or $insightscore >= ${950 + (i % 50)}`,
  (i: number) => `regex_match(".*@(mail|post)${i}\\.example", lowercase($customer_email))`,
  (i: number) => `$order_price * 1.2 - $billing_latitude > ${2000 + i} and $payment_currency in ["usd", "eur", "gbp"]`,
  (i: number) => `not ($product_category == "grocery_pos") and $txn_model_insightscore > ${800 + i} and $merchant != "m${i}"`,
];
const rules = Array.from({ length: 50 }, (_, i) => ({ ruleId: `rule_${i}`, expression: kinds[i % kinds.length]!(i), outcomes: [i % 3 === 0 ? 'block' : i % 3 === 1 ? 'review' : 'approve'] }));
const detector = await Detector.load(DetectorFileSchema.parse({ ruleExecutionMode: 'ALL_MATCHED', rules }), (names) => ListCache.open(store, names, { refreshMs: 0 }));

async function run(withRules: boolean) {
  const scorer = await OnnxFraudScorer.load({ modelDir: resolveModelDir(''), state: new PackedEntityState({ maxEntities: 1_000_000, ttlSeconds: 30 * 86_400 }), explainFrom: thresholds.review, replayTtlSeconds: 24 * 3600 });
  const deps: ScoreDeps = { scorer, producer: new MemoryTopics(1), topics: { processed: 'p', dlq: 'd' }, rules: thresholds, ...(withRules ? { detector } : {}), maxRecordBytes: 65_536, logger: createLogger('bench', { level: 'silent' }) };
  const warm = Math.floor(records.length / 10);
  for (let i = 0; i < warm; i += BATCH) await scoreBatch(records.slice(i, i + BATCH), deps);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcomes = { approve: 0, review: 0, block: 0 };
  for (let i = warm; i < records.length; i += BATCH) {
    const s = await scoreBatch(records.slice(i, i + BATCH), deps);
    for (const k of ['approve', 'review', 'block'] as const) outcomes[k] += s.outcomes[k];
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const n = records.length - warm;
  return { tps: n / seconds, perCpu: n / ((used.user + used.system) / 1e6), outcomes };
}

// The evaluation alone, without the model: what 50 rules cost per event.
const ctxs = events.slice(0, 20_000).map((tx, i) => ({ tx, score: (i * 37) % 1000 }));
for (const c of ctxs) detector.decide(c);
const t = performance.now();
for (let r = 0; r < 5; r++) for (const c of ctxs) detector.decide(c);
const perEventUs = ((performance.now() - t) * 1000) / (5 * ctxs.length);

console.log(`\nrules: 50 rules (ALL_MATCHED) over lists of 80,000 + 10,000 + 10,000 entries, batches of ${BATCH}, one core`);
console.log('round | no rules tx/s (per CPU s) | 50 rules tx/s (per CPU s) | cost');
const costs: number[] = [];
for (let r = 1; r <= ROUNDS; r++) {
  // Odd rounds run without rules first, even rounds with rules first: neither always gets the warmer machine.
  let a: Awaited<ReturnType<typeof run>>, b: Awaited<ReturnType<typeof run>>;
  if (r % 2 === 1) { a = await run(false); b = await run(true); } else { b = await run(true); a = await run(false); }
  const cost = 1 - b.perCpu / a.perCpu;
  costs.push(cost);
  console.log(`${String(r).padStart(5)} | ${Math.round(a.tps).toLocaleString('en-US').padStart(10)} (${Math.round(a.perCpu).toLocaleString('en-US')}) | ${Math.round(b.tps).toLocaleString('en-US').padStart(10)} (${Math.round(b.perCpu).toLocaleString('en-US')}) | ${(cost * 100).toFixed(1)}% per CPU second   outcomes with rules ${JSON.stringify(b.outcomes)}`);
}
console.log(`rule evaluation alone: ${perEventUs.toFixed(2)} µs per event (50 rules, every one evaluated)`);
console.log(`median cost ${(costs.sort((x, y) => x - y)[Math.floor(costs.length / 2)]! * 100).toFixed(1)}% (goal: under 10%)   (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
