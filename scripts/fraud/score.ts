// npm run score:fraud -- --events file.csv [--model dir] [--out file]: scores every event of an
// AFD-format CSV in time order (building entity history as it goes; labels are not used to score)
// and writes EVENT_ID,score,outcome lines. With labels present it also prints how the outcomes fared.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEventsOrExit } from './readEvents.js';
import { PackedProfileState } from '../../services/txn/src/features/PackedProfileState.js';
import { OnnxFraudScorer } from '../../services/txn/src/scoring/OnnxFraudScorer.js';
import { decide, type OutcomeRules } from '../../services/txn/src/scoring/rules.js';

const { values } = parseArgs({ options: { events: { type: 'string' }, model: { type: 'string', default: 'services/txn/model' }, out: { type: 'string' }, batch: { type: 'string', default: '1000' } } });
if (!values.events) {
  console.error('usage: npm run score:fraud -- --events <AFD-format CSV> [--model <dir>] [--out <file>]');
  process.exit(2);
}
const modelDir = resolve(values.model!);
const rules = JSON.parse(readFileSync(`${modelDir}/metrics.json`, 'utf8')).recommended_rules as OutcomeRules;
const scorer = await OnnxFraudScorer.load({ modelDir, state: new PackedProfileState({ maxEntities: 5_000_000, ttlSeconds: 10 * 365 * 86_400 }), explainFrom: 1001 });
const events = readEventsOrExit('score:fraud', values.events, false);
const lines = ['EVENT_ID,score,outcome'];
const tally = { block: [0, 0], review: [0, 0], approve: [0, 0] } as Record<string, [number, number]>;
const size = Number(values.batch);
for (let i = 0; i < events.length; i += size) {
  const batch = events.slice(i, i + size);
  const { scores } = await scorer.scoreBatch(batch.map((e) => e.transaction));
  scores.forEach((s, j) => {
    const outcome = decide(s.score, rules);
    lines.push(`${batch[j]!.transaction.event_id},${s.score},${outcome}`);
    if (batch[j]!.label !== null) tally[outcome]![batch[j]!.label!] += 1;
  });
}
const output = `${lines.join('\n')}\n`;
if (values.out) writeFileSync(values.out, output);
else process.stdout.write(output);

const [fraudTotal, legitTotal] = [1, 0].map((y) => Object.values(tally).reduce((s, t) => s + t[y]!, 0));
if (fraudTotal! + legitTotal! > 0) {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.error(`scored ${events.length} events with ${scorer.modelVersion} (block >= ${rules.block}, review >= ${rules.review})`);
  for (const o of ['block', 'review', 'approve']) {
    const [legit, fraud] = tally[o]!;
    console.error(`  ${o.padEnd(7)} ${String(legit + fraud).padStart(7)}   fraud ${fraud} (${pct(fraud / Math.max(fraudTotal!, 1))} of all fraud)   legit ${legit} (${pct(legit / Math.max(legitTotal!, 1))} of all legit)`);
  }
}
