// npm run score:fraud -- --events file.csv [--model dir] [--out file] [--event-type json] [--reasons]
//   [--no-labels] [--max-skipped 0.05]
// Scores every event of an AFD-format CSV in time order, streamed in bounded memory, building entity
// and key history as it goes and, when the file has labels, feeding each fraud label back once it was
// known (as the live pipeline's labels topic does). Writes EVENT_ID,score,outcome lines in time order,
// each keyed by its EVENT_ID or, without one, `line-N`: N the row's line in the given file (header = 1),
// whatever the sort. With labels it prints AUC over every labelled row and, when the model's
// metrics.json gives its test window, over the rows in that window separately.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { readAfdEvents, type AfdRow } from '../../services/txn/src/afd/eventReader.js';
import { csvField } from '../../services/txn/src/afd/csvRows.js';
import { SkipSummary } from '../../services/txn/src/afd/skips.js';
import { sortCsvByTime } from '../../services/txn/src/afd/sortByTime.js';
import { DAY } from '../../services/txn/src/features/windows.js';
import { OnnxFraudScorer } from '../../services/txn/src/scoring/OnnxFraudScorer.js';
import { decide, type OutcomeRules } from '../../services/txn/src/scoring/rules.js';
import { packedLookup } from '../../services/txn/src/training/dataset.js';
import { knownAt, LabelQueue } from '../../services/txn/src/training/labelQueue.js';
import { Column } from '../../services/txn/src/training/columns.js';
import { estimateRows, stderrProgress } from '../../services/txn/src/training/progress.js';
import { eventTypeFor, fail } from './cli.js';
import { auc, evaluate } from './evaluate.js';
import { LineWriter } from '../../services/txn/src/afd/lineWriter.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string' },
    model: { type: 'string', default: 'services/txn/model' },
    out: { type: 'string' },
    'event-type': { type: 'string' },
    reasons: { type: 'boolean', default: false },
    'no-labels': { type: 'boolean', default: false },
    'max-skipped': { type: 'string', default: '0.05' },
    batch: { type: 'string', default: '1000' },
  },
});
if (!values.events) {
  console.error('usage: npm run score:fraud -- --events <AFD-format CSV> [--model <dir>] [--out <file>] [--event-type <json>] [--reasons]');
  process.exit(2);
}
const tool = 'score:fraud';
const file = resolve(values.events);
const modelDir = resolve(values.model!);
let rules: OutcomeRules;
// The model's held-out window (events from test_from on) and the file it was trained on, when known.
let testFrom = Number.NaN;
let trainedOn = '';
try {
  const metrics = JSON.parse(readFileSync(join(modelDir, 'metrics.json'), 'utf8'));
  rules = metrics.recommended_rules as OutcomeRules;
  testFrom = Date.parse(metrics.data?.split?.test_from ?? '');
  trainedOn = metrics.data?.source ?? '';
} catch (err) {
  fail(tool, `cannot read the model's outcome rules from ${join(modelDir, 'metrics.json')}: ${(err as Error).message}`);
}
const state = new PackedEntityState({ maxEntities: Number.MAX_SAFE_INTEGER, ttlSeconds: 1e12 });
let scorer: OnnxFraudScorer;
try {
  scorer = await OnnxFraudScorer.load({ modelDir, state, explainFrom: values.reasons ? rules.review : 1001, replayTtlSeconds: 0 });
} catch (err) {
  fail(tool, (err as Error).message);
}
const { engine } = scorer.features;
let eventType = scorer.features.eventType;
if (values['event-type']) {
  // The same variables under this file's column names.
  const given = (await eventTypeFor(tool, file, values['event-type'])).eventType;
  const names = (et: typeof given) => et.variables.map((v) => `${v.name}:${v.variableType}`).sort().join(',');
  if (names(given) !== names(eventType)) fail(tool, `--event-type ${values['event-type']} declares other variables than the model's event type ${eventType.name} (${names(eventType)})`);
  eventType = { ...eventType, variables: eventType.variables.map((v) => given.variables.find((g) => g.name === v.name)!) };
}

const maxSkipped = Number(values['max-skipped']);
const skips = new SkipSummary();
const notes = new SkipSummary();
let sorted = true;
let last = Number.NEGATIVE_INFINITY;
let labelled = 0;
let read;
const scan = stderrProgress('score:fraud: scanning', 'rows');
const estimate = estimateRows(file);
try {
  read = await readAfdEvents(file, { eventType, requireLabels: false, skips, notes, onProgress: (rows) => scan.update(rows, estimate, true), onRow: (r) => {
    if (r.time < last) sorted = false;
    last = Math.max(last, r.time);
    if (r.label !== null) labelled += 1;
  } });
  skips.check(file, read.rows, maxSkipped);
} catch (err) {
  fail(tool, (err as Error).message);
}
if (read.ignoredColumns.length) console.warn(`warning: ignoring column(s) that are not variables of the model's event type: ${read.ignoredColumns.join(', ')}`);
if (read.absentVariables.length) console.warn(`warning: model variable(s) without a column, always missing: ${read.absentVariables.join(', ')}`);
if (skips.skipped) console.warn(`warning: skipped ${skips.skipped} of ${read.rows} rows:\n  ${skips.lines().join('\n  ')}`);
if (notes.skipped) console.warn(`note: values read as missing or defaulted in ${notes.skipped} place(s):\n  ${notes.lines().join('\n  ')}`);

const useLabels = labelled > 0 && !values['no-labels'];
const delayMs = scorer.features.spec.labelDelayDays * DAY;
const work = mkdtempSync(join(tmpdir(), 'score-fraud-'));
const output = new LineWriter(values.out);
output.write(values.reasons ? 'EVENT_ID,score,outcome,reasons' : 'EVENT_ID,score,outcome');
let scored = 0;
// Scores and labels of labelled events, for the evaluation: five bytes an event.
const scores = new Column(Float32Array);
const labels = new Column(Uint8Array);
// 1 for a labelled event in the model's test window.
const heldOut = new Column(Uint8Array);
const progress = stderrProgress('score:fraud: scoring', 'events');
const toScore = read.rows - skips.skipped;
const tally: Record<string, [number, number]> = { block: [0, 0], review: [0, 0], approve: [0, 0] };
try {
  let source = file;
  if (!sorted) {
    console.warn('the file is not in time order: sorting it (external merge sort); scores are written in time order, rows without EVENT_ID named line-N by their line in your file');
    source = join(work, 'sorted.csv');
    await sortCsvByTime(file, source);
  }
  const lookup = packedLookup(state);
  const queue = new LabelQueue();
  const size = Number(values.batch);
  let batch: AfdRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const { scores: s } = await scorer.scoreEvents(batch);
    s.forEach((score, j) => {
      const row = batch[j]!;
      const outcome = decide(score.score, rules);
      scored += 1;
      output.write(`${csvField(row.eventId)},${score.score},${outcome}${values.reasons ? `,${csvField(score.reasons.join('; '))}` : ''}`);
      if (row.label !== null) {
        scores.push(score.score);
        labels.push(row.label);
        heldOut.push(row.time >= testFrom ? 1 : 0);
        tally[outcome]![row.label] += 1;
      }
      if (useLabels && row.label === 1) queue.push({ knownAt: knownAt(row.time, row.labelTime, delayMs), entityId: row.entityId, ids: engine.idsOf(row) });
    });
    batch = [];
  };
  // The reader hands over a chunk of rows at a time and waits while they are scored: labels are
  // applied between batches exactly when they became known, and memory stays bounded.
  const pending: AfdRow[] = [];
  const drain = async () => {
    for (const row of pending.splice(0)) {
      if (queue.next() <= row.time) {
        await flush();
        queue.drain(row.time, (l) => engine.label({ entityId: l.entityId, values: [] }, l.knownAt, lookup, l.ids));
      }
      batch.push(row);
      if (batch.length >= size) await flush();
    }
  };
  await readAfdEvents(source, { eventType, requireLabels: false, onRow: (r) => void pending.push(r), afterChunk: async () => {
    await drain();
    progress.update(scored, toScore);
  } });
  await drain();
  await flush();
} catch (err) {
  fail(tool, (err as Error).message);
} finally {
  rmSync(work, { recursive: true, force: true });
  output.close();
}
console.error(`scored ${scored.toLocaleString('en-US')} of ${read.rows.toLocaleString('en-US')} rows (${skips.skipped} skipped) with ${scorer.modelVersion} (block >= ${rules.block}, review >= ${rules.review})${useLabels ? '; fraud labels fed back as they became known' : ''}`);
if (labels.length > 0) {
  const self = trainedOn !== '' && trainedOn === basename(file);
  console.error(`all labelled rows of this file${self ? `, the model's own training data (${trainedOn}): training rows included, not a held-out figure` : ': training rows included if the model was trained on them'}`);
  console.error(evaluate(scores.values(), labels.values(), tally));
  if (Number.isFinite(testFrom)) {
    const s = scores.values();
    const l = labels.values();
    const h = heldOut.values();
    const hs: number[] = [];
    const hl: number[] = [];
    for (let i = 0; i < h.length; i++) if (h[i]) {
      hs.push(s[i]!);
      hl.push(l[i]!);
    }
    const fraud = hl.reduce((a, b) => a + b, 0);
    console.error(hs.length === 0
      ? `held-out window (events from ${new Date(testFrom).toISOString()}, the model's test window): no labelled rows of this file in it`
      : `held-out window (events from ${new Date(testFrom).toISOString()}, the model's test window): ${hs.length.toLocaleString('en-US')} labelled rows (${fraud.toLocaleString('en-US')} fraud); AUC ${auc(hs, hl).toFixed(4)}`);
  } else console.error(`held-out window: unknown (${join(modelDir, 'metrics.json')} has no data.split.test_from)`);
}
