// npm run train:fraud -- --events file.csv [--out dir]: features in time order (TypeScript, the
// serving definition), gradient-boosted trees in Python, ONNX export, report and model card.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES, FEATURE_VERSION, FEATURE_COUNT } from '../../services/txn/src/features/names.js';
import { writeFeatures, updateProfile } from '../../services/txn/src/features/compute.js';
import type { EntityProfile } from '../../services/txn/src/features/profile.js';
import { emptyProfile } from '../../services/txn/src/features/profile.js';
import { writeModelCard } from './modelCard.js';
import { readEventsOrExit } from './readEvents.js';

const { values } = parseArgs({ options: { events: { type: 'string' }, out: { type: 'string', default: 'services/txn/model' }, python: { type: 'string', default: 'python3' } } });
if (!values.events) {
  console.error('usage: npm run train:fraud -- --events <labelled AFD-format CSV> [--out <model dir>]');
  process.exit(2);
}
const events = readEventsOrExit('train:fraud', values.events, true).map((e) => ({ ...e, time: Date.parse(e.transaction.event_time) }));
console.log(`computing ${FEATURE_COUNT} features for ${events.length} events in time order...`);
const profiles = new Map<string, EntityProfile>();
const row = new Float32Array(FEATURE_COUNT);
const lines = [`event_id,time_ms,label,amount_only,${FEATURE_NAMES.join(',')}`];
for (const e of events) {
  const p = profiles.get(e.transaction.entity_id) ?? emptyProfile();
  writeFeatures(e.transaction, e.time, p, row, 0);
  profiles.set(e.transaction.entity_id, updateProfile(e.transaction, e.time, p));
  lines.push(`${e.transaction.event_id},${e.time},${e.label},${e.transaction.transaction_amt},${Array.from(row).join(',')}`);
}
const out = resolve(values.out!);
mkdirSync(out, { recursive: true });
const featuresCsv = join(out, 'features.train.csv');
writeFileSync(featuresCsv, lines.join('\n'));
console.log('training gradient-boosted trees (LightGBM) and exporting ONNX...');
const py = spawnSync(values.python!, [join(import.meta.dirname ?? 'scripts/fraud', 'train.py'), '--features', featuresCsv, '--names', JSON.stringify(FEATURE_NAMES), '--out', out, '--source', values.events], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
spawnSync('rm', ['-f', featuresCsv]);
if (py.status !== 0) {
  console.error(`train:fraud: Python training failed (exit ${py.status}). Install its tools with: pip install -r scripts/fraud/requirements.txt`);
  process.exit(1);
}
writeFileSync(join(out, 'features.json'), JSON.stringify({ version: FEATURE_VERSION, names: FEATURE_NAMES, input: 'features', output: 'probabilities', score_scale: 1000 }, null, 2));
writeModelCard(out);
// The performance report, as in the model card: AUC, average precision and the threshold tables.
const card = readFileSync(join(out, 'MODEL_CARD.md'), 'utf8');
console.log(card.slice(card.indexOf('## Performance'), card.indexOf('**Most important')).trim());
console.log(`model written to ${out} (model.onnx, trees.json, features.json, metrics.json, MODEL_CARD.md)`);
