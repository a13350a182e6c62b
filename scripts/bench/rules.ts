// The cost of the detector's rules and lists (issue 21): in-process scoring throughput with no rules
// (the thresholds alone) and with 50 rules in ALL_MATCHED mode (every rule runs on every event) over
// three lists of 100,000 entries in all, alternating in one process so both see the same machine.
// Shadow rows: the same 50 rules again as a SHADOW version beside them (fd_shadow on every event), on
// the same model, and on a second model (the shipped one with its output scaled: own version, same features).
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
import { OnnxModel } from '../../services/txn/src/scoring/OnnxModel.js';
import { scaledModel } from '../../services/txn/test/support/model.js';

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
const openLists = (names: string[]) => ListCache.open(store, names, { refreshMs: 0 });
const detector = await Detector.load(DetectorFileSchema.parse({ ruleExecutionMode: 'ALL_MATCHED', rules }), openLists);
const shadowRules = await Detector.load(DetectorFileSchema.parse({ ruleExecutionMode: 'ALL_MATCHED', rules }), openLists, 'bench shadow', 'bench:2');
const secondModel = await OnnxModel.load(scaledModel(mkdtempSync(join(tmpdir(), 'bench-models-')), 1.25).dir);

type Mode = 'none' | 'rules' | 'shadow' | 'shadow-model';
const deciders: Record<Mode, ScoreDeps['detector'] | undefined> = {
  none: undefined,
  rules: detector,
  shadow: { refresh: () => detector.refresh(), decide: (c) => detector.decide(c), shadow: { detector: shadowRules } },
  'shadow-model': { refresh: () => detector.refresh(), decide: (c) => detector.decide(c), shadow: { detector: shadowRules, model: secondModel } },
};

async function run(mode: Mode) {
  const scorer = await OnnxFraudScorer.load({ modelDir: resolveModelDir(''), state: new PackedEntityState({ maxEntities: 1_000_000, ttlSeconds: 30 * 86_400 }), explainFrom: thresholds.review, replayTtlSeconds: 24 * 3600 });
  const d = deciders[mode];
  const deps: ScoreDeps = { scorer, producer: new MemoryTopics(1), topics: { processed: 'p', dlq: 'd' }, rules: thresholds, ...(d ? { detector: d } : {}), maxRecordBytes: 65_536, logger: createLogger('bench', { level: 'silent' }) };
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
console.log('round | no rules tx/s (per CPU s) | 50 rules tx/s (per CPU s) | cost | + shadow, same model (per CPU s) | cost over rules | + shadow, second model (per CPU s) | cost over rules');
const MODES: Mode[] = ['none', 'rules', 'shadow', 'shadow-model'];
const costs: Record<Exclude<Mode, 'none'>, number[]> = { rules: [], shadow: [], 'shadow-model': [] };
const fmt = (x: { tps: number; perCpu: number }) => `${Math.round(x.tps).toLocaleString('en-US').padStart(10)} (${Math.round(x.perCpu).toLocaleString('en-US')})`;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
for (let r = 1; r <= ROUNDS; r++) {
  // Each round starts with another mode: none always gets the warmer (or the busier) machine.
  const got = {} as Record<Mode, Awaited<ReturnType<typeof run>>>;
  for (let k = 0; k < MODES.length; k++) { const m = MODES[(k + r - 1) % MODES.length]!; got[m] = await run(m); }
  costs.rules.push(1 - got.rules.perCpu / got.none.perCpu);
  costs.shadow.push(1 - got.shadow.perCpu / got.rules.perCpu);
  costs['shadow-model'].push(1 - got['shadow-model'].perCpu / got.rules.perCpu);
  console.log(`${String(r).padStart(5)} | ${fmt(got.none)} | ${fmt(got.rules)} | ${pct(costs.rules.at(-1)!)} | ${fmt(got.shadow)} | ${pct(costs.shadow.at(-1)!)} | ${fmt(got['shadow-model'])} | ${pct(costs['shadow-model'].at(-1)!)}   outcomes with rules ${JSON.stringify(got.rules.outcomes)}`);
}
console.log(`rule evaluation alone: ${perEventUs.toFixed(2)} µs per event (50 rules, every one evaluated)`);
console.log(`median cost of the rules ${pct(median(costs.rules))} (goal: under 10%); a shadow version on top of them: ${pct(median(costs.shadow))} with the same model, ${pct(median(costs['shadow-model']))} with a second model   (load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
