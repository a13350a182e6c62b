import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { readAfdEvents, type AfdRow, type ReadResult } from '../afd/eventReader.js';
import { SkipSummary } from '../afd/skips.js';
import { sortCsvByTime } from '../afd/sortByTime.js';
import type { EventType } from '../eventType/schema.js';
import type { FeatureEngine } from '../features/FeatureEngine.js';
import type { StateLookup } from '../features/types.js';
import { DAY, fingerprint } from '../features/windows.js';
import { Column, RowWriter } from './columns.js';
import { knownAt, LabelQueue } from './labelQueue.js';
import type { LabelMerge } from './lakeLabels.js';
import { splitByTime, SPLIT, type Split } from './split.js';
import { resolveTreatment, trainingLabel, type ResolvedTreatment, type UnlabelledTreatment } from './unlabelled.js';

export interface DatasetOptions {
  file: string;
  engine: FeatureEngine;
  /** Directory the binary training set is written to (X.f32, time.f64, label.u8, split.u8, entity.u32). */
  outDir: string;
  /** Share of events, the latest, that form the test window. */
  testShare: number;
  /** Share of the training events, the latest, used for early stopping. */
  validShare: number;
  /** Largest share of rows that may be skipped before the run fails. */
  maxSkipped: number;
  /** A segment code (1-255) per event id, for results by segment (e.g. the simulator's fraud scenarios); 0 for none. */
  segmentOf?: (eventId: string) => number;
  /** Labels kept apart (the lake's, label CSVs) merged in by EVENT_ID, the latest LABEL_TIMESTAMP winning. */
  labels?: LabelMerge;
  /** Events without EVENT_LABEL, as AFD treats them (default IGNORE: history only, not in the loss). */
  unlabelled?: UnlabelledTreatment;
  log?: (line: string) => void;
  /** Rows read so far in each pass (`scan`: total unknown; `features`: of `total`), for progress lines. */
  progress?: (pass: 'scan' | 'features', rows: number, total?: number) => void;
}

export interface DatasetSummary {
  file: string;
  read: ReadResult;
  skips: SkipSummary;
  notes: SkipSummary;
  /** Rows written (valid rows), and of them fraud (by their own labels). */
  events: number;
  fraud: number;
  /** Events without a label, and what training did with them. */
  unlabelled: { events: number; treatment: ResolvedTreatment };
  sortedInput: boolean;
  firstTime: number;
  lastTime: number;
  split: Split;
  counts: Record<keyof typeof SPLIT, { events: number; fraud: number }>;
  /** Feature pass only (after the scan): events per second, and its wall time. */
  featureSeconds: number;
  eventsPerSecond: number;
  labelsApplied: number;
}

/** The packed state read and written in place: the training pass's hot loop needs no promises and no copies. */
export const packedLookup = (state: PackedEntityState): StateLookup => ({
  get: (id) => state.view(id),
  create: (id, width) => state.create(id, width),
  set: (id, v) => {
    if (!(v instanceof Float64Array)) state.put(id, v);
  },
});

/**
 * Builds the training set of an AFD-format CSV in two streaming passes and bounded memory: a scan
 * (validation with every skip counted, event times, order), an external sort when the file is not in
 * time order, then the features of every event in time order, with each fraud label applied to the
 * state once it is known (LABEL_TIMESTAMP, and no earlier than the label delay).
 */
export async function buildDataset(o: DatasetOptions): Promise<DatasetSummary> {
  const log = o.log ?? (() => {});
  const et: EventType = o.engine.eventType;
  const skips = new SkipSummary();
  const notes = new SkipSummary();
  const times = new Column(Float64Array);
  let fraud = 0;
  let unlabelled = 0;
  let sorted = true;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  log(`scanning ${o.file}...`);
  const read = await readAfdEvents(o.file, {
    eventType: et, requireLabels: true, keepUnlabelled: true, skips, notes,
    onProgress: o.progress && ((rows) => o.progress!('scan', rows)),
    onRow: (row) => {
      o.labels?.apply(row, true);
      // The split is of labelled events: the test window holds the latest share of what can be evaluated.
      if (row.label === null) unlabelled += 1;
      else {
        times.push(row.time);
        fraud += row.label;
      }
      if (row.time < last) sorted = false;
      last = Math.max(last, row.time);
      first = Math.min(first, row.time);
    },
  });
  skips.check(o.file, read.rows, o.maxSkipped);
  if (fraud === 0) throw new Error(`${o.file}: no row is labelled fraud (fraud labels: ${et.labelMapper.FRAUD.join(', ')}); a model cannot learn fraud without examples`);
  const treatment = resolveTreatment(o.unlabelled ?? 'IGNORE', { labelled: times.length, fraud, unlabelled });
  if (unlabelled > 0) log(`${unlabelled.toLocaleString('en-US')} unlabelled events: ${treatment.treatment} (${treatment.reason}); they feed entity and key history either way`);
  const delayMs = o.engine.settings.labelDelayDays * DAY;
  const split = splitByTime(times.values(), o.testShare, o.validShare, delayMs);
  const work = mkdtempSync(join(tmpdir(), 'train-'));
  try {
    let source = o.file;
    if (!sorted) {
      log('the file is not in time order: sorting it (external merge sort)...');
      source = join(work, 'sorted.csv');
      await sortCsvByTime(o.file, source);
    }
    return { file: o.file, read, skips, notes, sortedInput: sorted, firstTime: first, lastTime: last, split, fraud, unlabelled: { events: unlabelled, treatment }, ...(await featurePass(o, source, split, delayMs, trainingLabel(treatment.treatment), read.rows, log)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function featurePass(o: DatasetOptions, source: string, split: Split, delayMs: number, unlabelledAs: 0 | 1 | null, total: number, log: (l: string) => void) {
  const engine = o.engine;
  // Nothing expires in training: a constant clock spares a system call per state read.
  const state = new PackedEntityState({ maxEntities: Number.MAX_SAFE_INTEGER, ttlSeconds: 1e12, now: () => 0 });
  const lookup = packedLookup(state);
  const queue = new LabelQueue();
  const writer = new RowWriter(join(o.outDir, 'X.f32'), engine.count);
  const columns = { time: new Column(Float64Array), label: new Column(Uint8Array), split: new Column(Uint8Array), entity: new Column(Uint32Array), segment: new Column(Uint8Array) };
  const counts = Object.fromEntries(Object.keys(SPLIT).map((k) => [k, { events: 0, fraud: 0 }])) as Record<keyof typeof SPLIT, { events: number; fraud: number }>;
  const names = Object.keys(SPLIT) as (keyof typeof SPLIT)[];
  let labelsApplied = 0;
  const started = performance.now();
  await readAfdEvents(source, {
    eventType: engine.eventType, requireLabels: true, keepUnlabelled: true,
    onProgress: o.progress && ((rows) => o.progress!('features', rows, total)),
    onRow: (row: AfdRow) => {
      o.labels?.apply(row, false);
      queue.drain(row.time, (l) => {
        engine.label({ entityId: l.entityId, values: [] }, l.knownAt, lookup, l.ids);
        labelsApplied += 1;
      });
      const ids = engine.idsOf(row);
      const { buffer, offset } = writer.next();
      engine.step(row, lookup, buffer, offset, ids);
      // An unlabelled event enters the loss only as its treatment says, and never the gap or the test
      // window: figures are on real labels. Its features are written all the same (history above).
      const label = row.label ?? unlabelledAs;
      let part: number = split.of(row.time);
      if (label === null || (row.label === null && part !== SPLIT.train && part !== SPLIT.valid)) part = SPLIT.unlabelled;
      columns.time.push(row.time);
      columns.label.push(label ?? 0);
      columns.split.push(part);
      columns.entity.push(fingerprint(row.entityId));
      columns.segment.push(o.segmentOf?.(row.eventId) ?? 0);
      counts[names[part]!].events += 1;
      counts[names[part]!].fraud += label ?? 0;
      if (row.label === 1) queue.push({ knownAt: knownAt(row.time, row.labelTime, delayMs), entityId: row.entityId, ids });
    },
  });
  writer.close();
  const featureSeconds = (performance.now() - started) / 1000;
  for (const [name, col] of Object.entries(columns)) col.write(join(o.outDir, `${name}.${name === 'time' ? 'f64' : name === 'entity' ? 'u32' : 'u8'}`));
  const events = writer.rows;
  return { events, counts, featureSeconds, eventsPerSecond: events / featureSeconds, labelsApplied };
}
