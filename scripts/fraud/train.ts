// npm run train:fraud -- --events file.csv [--out dir [--replace]] [--event-type file.json] [--keys merchant:labels,...]
//   [--label-delay 7] [--no-entity-labels] [--test-share 0.2] [--max-skipped 0.05] [--unlabelled IGNORE|LEGIT|FRAUD|AUTO]
//   [--labels <lake labels folder or AFD label CSV>]... [--no-lake-labels]
// Features in time order (TypeScript, the serving definition, streamed in bounded memory), gradient-
// boosted trees in Python (LightGBM), ONNX export, report and model card.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeEventType } from '../../services/txn/src/eventType/schema.js';
import { FeatureEngine } from '../../services/txn/src/features/FeatureEngine.js';
import { parseKeys, keyName } from '../../services/txn/src/features/spec.js';
import { loadTxnConfig } from '../../services/txn/src/config.js';
import { buildDataset } from '../../services/txn/src/training/dataset.js';
import { describeMerge, LabelMerge } from '../../services/txn/src/training/lakeLabels.js';
import { defaultKeys, vocabulariesFrom } from '../../services/txn/src/training/defaults.js';
import { estimateRows, stderrProgress } from '../../services/txn/src/training/progress.js';
import { DEFAULT_UNLABELLED_TREATMENT, parseTreatment, type UnlabelledTreatment } from '../../services/txn/src/training/unlabelled.js';
import { writeModelCard } from './modelCard.js';
import { eventTypeFor, fail, sampleValues } from './cli.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string' },
    out: { type: 'string' },
    replace: { type: 'boolean', default: false },
    unlabelled: { type: 'string', default: DEFAULT_UNLABELLED_TREATMENT },
    'event-type': { type: 'string' },
    keys: { type: 'string' },
    'label-delay': { type: 'string', default: '7' },
    'no-entity-labels': { type: 'boolean', default: false },
    labels: { type: 'string', multiple: true },
    'no-lake-labels': { type: 'boolean', default: false },
    'test-share': { type: 'string', default: '0.2' },
    'max-skipped': { type: 'string', default: '0.05' },
    'source-name': { type: 'string' },
    describe: { type: 'string' },
    segments: { type: 'string' },
    python: { type: 'string', default: 'python3' },
  },
});
if (!values.events) {
  console.error('usage: npm run train:fraud -- --events <labelled AFD-format CSV> [--out <model dir> [--replace]] [--event-type <json>] [--keys a:labels,b] [--label-delay <days>] [--unlabelled IGNORE|LEGIT|FRAUD|AUTO] [--labels <folder or label CSV>]... [--no-lake-labels]');
  process.exit(2);
}
const file = resolve(values.events);
let unlabelled: UnlabelledTreatment;
try {
  unlabelled = parseTreatment(values.unlabelled!);
} catch (err) {
  fail('train:fraud', (err as Error).message);
}
// A model folder that holds files (the shipped model, an earlier run) is replaced only when asked:
// by default a run writes a new folder and says where.
if (values.out && existsSync(values.out) && readdirSync(values.out).length > 0 && !values.replace) {
  fail('train:fraud', `--out ${values.out} already holds files (a model?): add --replace to overwrite them, or leave --out out to write a new folder under .data/models/`);
}
const number = (name: string, min: number, max: number) => {
  const x = Number(values[name as keyof typeof values]);
  if (!Number.isFinite(x) || x < min || x > max) fail('train:fraud', `--${name} ${values[name as keyof typeof values]}: expected a number from ${min} to ${max}`);
  return x;
};

const { eventType, sample } = await eventTypeFor('train:fraud', file, values['event-type']);
const vocabularies = vocabulariesFrom(eventType, sampleValues(eventType, sample));
let keys;
try {
  keys = values.keys === undefined ? defaultKeys(eventType, sampleValues(eventType, sample)) : parseKeys(values.keys);
} catch (err) {
  fail('train:fraud', (err as Error).message);
}
let engine: FeatureEngine;
try {
  engine = new FeatureEngine(eventType, { keys, vocabularies, labelDelayDays: number('label-delay', 0, 365), entityLabels: !values['no-entity-labels'] });
} catch (err) {
  fail('train:fraud', (err as Error).message);
}
// Labels kept apart from the events (review decisions, imports, feeds): the local lake's by default,
// those named with --labels as well; merged by EVENT_ID, the latest LABEL_TIMESTAMP winning.
const labelPaths = (values.labels ?? []).map((p) => resolve(p));
if (!values['no-lake-labels']) {
  let lake: string;
  try {
    const c = loadTxnConfig();
    lake = resolve(c.DATA_DIR, c.LAKE_BUCKET, c.LAKE_LABELS_PREFIX);
  } catch (err) {
    fail('train:fraud', `${(err as Error).message} (the local lake's labels are read from DATA_DIR; --no-lake-labels skips them)`);
  }
  if (existsSync(lake) && !labelPaths.includes(lake)) labelPaths.unshift(lake);
}
let labels: LabelMerge | undefined;
try {
  labels = labelPaths.length ? await LabelMerge.load(labelPaths) : undefined;
} catch (err) {
  fail('train:fraud', (err as Error).message);
}
const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
const out = resolve(values.out ?? join('.data', 'models', `${eventType.name}-${stamp}`));
console.log(`${engine.count} features; aggregation keys: ${eventType.entityType} (ENTITY_ID)${keys.map((k) => `, ${keyName(k)}${k.labels ? ' (with label feedback)' : ''}`).join('')}; label delay ${engine.settings.labelDelayDays} days`);

// --segments: a CSV of EVENT_ID and a segment name (e.g. the simulator's fraud scenarios): recall by segment.
const segmentNames: string[] = [];
const segmentOf = new Map<string, number>();
if (values.segments) {
  const lines = readFileSync(values.segments, 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [id, name] = line.split(',');
    if (!id || !name) continue;
    let code = segmentNames.indexOf(name) + 1;
    if (code === 0) code = segmentNames.push(name);
    if (code > 255) fail('train:fraud', `--segments ${values.segments}: more than 255 segments`);
    segmentOf.set(id, code);
  }
}

const work = mkdtempSync(join(tmpdir(), 'train-fraud-'));
try {
  let dataset;
  try {
    const scan = stderrProgress('train:fraud: scanning', 'rows');
    const features = stderrProgress('train:fraud: features', 'events');
    const estimate = estimateRows(file);
    dataset = await buildDataset({
      file, engine, labels, outDir: work, testShare: number('test-share', 0.05, 0.5), validShare: 0.125, maxSkipped: number('max-skipped', 0, 1), unlabelled,
      log: (l) => console.log(l), segmentOf: segmentNames.length ? (id) => segmentOf.get(id) ?? 0 : undefined,
      progress: (pass, rows, total) => (pass === 'scan' ? scan.update(rows, estimate, true) : features.update(rows, total)),
    });
  } catch (err) {
    fail('train:fraud', (err as Error).message);
  }
  const merged = labels?.summary();
  if (merged) console.log(describeMerge(merged));
  else console.log(`labels merged: none (${values['no-lake-labels'] ? '--no-lake-labels' : 'no labels in the local lake'}, no --labels)`);
  if (dataset.read.ignoredColumns.length) console.warn(`warning: ignoring column(s) that are not variables of event type ${eventType.name}: ${dataset.read.ignoredColumns.join(', ')}`);
  if (dataset.read.absentVariables.length) console.warn(`warning: optional variable(s) without a column, always missing: ${dataset.read.absentVariables.join(', ')}`);
  if (dataset.skips.skipped) console.warn(`warning: skipped ${dataset.skips.skipped.toLocaleString('en-US')} of ${dataset.read.rows.toLocaleString('en-US')} rows:\n  ${dataset.skips.lines().join('\n  ')}`);
  if (dataset.notes.skipped) console.warn(`note: values read as missing or defaulted in ${dataset.notes.skipped.toLocaleString('en-US')} place(s):\n  ${dataset.notes.lines().join('\n  ')}`);
  console.log(`features of ${dataset.events.toLocaleString('en-US')} events in ${dataset.featureSeconds.toFixed(1)} s (${Math.round(dataset.eventsPerSecond).toLocaleString('en-US')} events/s), ${dataset.labelsApplied.toLocaleString('en-US')} fraud labels applied as they became known`);
  const names = engine.names;
  writeFileSync(join(work, 'meta.json'), JSON.stringify({ rows: dataset.events, names, amount_index: names.indexOf('amount'), entity_count_index: names.indexOf('entity.count'), entity_type: eventType.entityType, segments: segmentNames }));
  console.log('training gradient-boosted trees (LightGBM) and exporting ONNX...');
  mkdirSync(out, { recursive: true });
  const py = spawnSync(values.python!, [join(import.meta.dirname, 'train.py'), '--data', work, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  if (py.error || py.status !== 0) {
    const stderr = (py.stderr ?? '').trim().split('\n');
    const missing = /ModuleNotFoundError|No module named/.test(py.stderr ?? '');
    const cause = py.error ? `${values.python}: ${py.error.message}` : stderr.slice(-12).join('\n');
    fail('train:fraud', `Python training failed (exit ${py.status}):\n${cause}${missing || py.error ? '\nInstall its tools with: pip install -r scripts/fraud/requirements.txt' : ''}`);
  }
  const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
  metrics.data = {
    source: values['source-name'] ?? basename(file),
    description: values.describe,
    event_type: eventType.name,
    first_event: new Date(dataset.firstTime).toISOString(),
    last_event: new Date(dataset.lastTime).toISOString(),
    rows: dataset.read.rows,
    skipped: dataset.skips.toJSON(),
    events: dataset.events,
    fraud: dataset.fraud,
    unlabelled: { events: dataset.unlabelled.events, treatment: unlabelled, applied: dataset.unlabelled.treatment.treatment, reason: dataset.unlabelled.treatment.reason },
    split: { early_stopping_from: new Date(dataset.split.validFrom).toISOString(), train_end: new Date(dataset.split.trainEnd).toISOString(), test_from: new Date(dataset.split.testFrom).toISOString() },
    label_delay_days: engine.settings.labelDelayDays,
    label_timestamps: dataset.read.hasLabelTimestamps,
    merged_labels: merged ? { sources: merged.sources.map((p) => relative(process.cwd(), p) || '.'), read: merged.read, events: merged.events, matched: merged.matched, changed: merged.changed, kept: merged.kept, unmatched: merged.unmatched, bad_lines: merged.badLines } : null,
    keys: keys.map((k) => ({ key: keyName(k), labels: k.labels })),
    feature_extraction_events_per_second: Math.round(dataset.eventsPerSecond),
  };
  writeFileSync(join(out, 'metrics.json'), JSON.stringify(metrics, null, 2));
  writeFileSync(join(out, 'features.json'), JSON.stringify(engine.spec(), null, 2));
  writeFileSync(join(out, 'event_type.json'), JSON.stringify(eventType, null, 2));
  writeModelCard(out);
  const card = readFileSync(join(out, 'MODEL_CARD.md'), 'utf8');
  console.log(card.slice(card.indexOf('## Performance'), card.indexOf('## Limits')).trim());
  console.log(`model written to ${out} (model.onnx, trees.json, features.json, event_type.json, metrics.json, MODEL_CARD.md)`);
  console.log(describeEventType(eventType).split('\n')[0]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
