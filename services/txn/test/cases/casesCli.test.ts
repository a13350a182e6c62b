import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, FsObjectStore, LakeLabelSchema, MemoryTopics } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { FileCaseStore } from '../../src/cases/FileCaseStore.js';
import { runCasesCommand, UsageError } from '../../src/cases/cli.js';
import { labelCsv, parseLabelCsv } from '../../src/cases/labelCsv.js';
import { appliedLabelSink, type LabelSink } from '../../src/cases/labelSink.js';
import { resendPending, RESEND_AFTER_MS } from '../../src/cases/decide.js';
import { loadModelFeatures } from '../../src/features/modelFeatures.js';
import { resolveModelDir } from '../../src/modelDir.js';
import { labelBatch, type LabelDeps } from '../../src/pipeline/labelBatch.js';
import { LabelFeedback } from '../../src/scoring/LabelFeedback.js';
import { recordOf } from '../support/records.js';
import { actBatch } from '../../src/pipeline/actBatch.js';
import { actDeps, labelsTopic, records, scored } from './support.js';

async function withCases() {
  const store = new FileCaseStore(mkdtempSync(join(tmpdir(), 'cases-')));
  await actBatch(records([scored(1, 'review'), scored(2, 'block'), scored(3, 'review', { entity: 'cust-2' }), scored(4, 'review')]), actDeps(store));
  return store;
}

describe('Cases: label CSV (AFD: EVENT_ID, EVENT_LABEL, LABEL_TIMESTAMP)', () => {
  it('round-trips decisions through export and parse, quoting what needs it', () => {
    const decisions = [
      { case_id: 'evt-2', label: 'legit' as const, label_time: '2026-11-30T10:00:00.000Z' },
      { case_id: 'evt,"1"', label: 'fraud' as const, label_time: '2026-11-30T09:00:00+01:00' },
    ];
    const csv = labelCsv(decisions);
    expect(csv.split('\n')[0]).toBe('EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP');
    const { rows, bad } = parseLabelCsv(csv);
    expect(bad).toEqual([]);
    expect(rows.map((r) => [r.eventId, r.label, r.labelTime])).toEqual([...decisions].sort((a, b) => a.case_id.localeCompare(b.case_id)).map((d) => [d.case_id, d.label, d.label_time]));
  });

  it('reports bad rows with their file line numbers and reads the rest; columns in any order and case', () => {
    const csv = [
      'label_timestamp,Event_Label,EVENT_ID,ENTITY_ID,extra',
      '2026-11-30T09:00:00Z,FRAUD,evt-1,,x',
      '2026-11-30T09:00:00Z,maybe,evt-2,,x',
      '',
      'yesterday,legit,evt-3,,x',
      '2026-11-30T09:00:00Z,Legit,,,x',
      '2026-11-30T09:00:00Z,legit,"evt-4',
      'multi',
      'line",cust-9,x',
      '2026-11-30T09:00:00Z,legit,evt-5,cust-5,x',
    ].join('\n');
    const { rows, bad } = parseLabelCsv(csv);
    expect(rows.map((r) => `${r.line}:${r.eventId}:${r.label}:${r.entityId ?? ''}`)).toEqual(['2:evt-1:fraud:', '7:evt-4\nmulti\nline:legit:cust-9', '10:evt-5:legit:cust-5']);
    expect(bad.map((b) => b.line)).toEqual([3, 5, 6]);
    expect(bad[0]!.reason).toMatch(/EVENT_LABEL "maybe": one of fraud, legit/);
    expect(bad[1]!.reason).toMatch(/LABEL_TIMESTAMP "yesterday"/);
    expect(bad[2]!.reason).toMatch(/EVENT_ID "": 1-64 characters/);
  });

  it('refuses a file without the label columns as a whole, naming them', () => {
    expect(parseLabelCsv('EVENT_ID,LABEL\nevt-1,fraud\n').bad).toEqual([{ line: 1, reason: 'header lacks EVENT_LABEL, LABEL_TIMESTAMP (has EVENT_ID, LABEL)' }]);
    expect(parseLabelCsv('').bad[0]!.reason).toMatch(/empty file/);
  });
});

describe('Cases: npm run cases', () => {
  it('lists open cases, shows one, decides it with the analyst, and refuses a second decision', async () => {
    const store = await withCases();
    const topic = labelsTopic();
    const list = await runCasesCommand(['list'], store, topic.sink, 'ana');
    expect(list.split('\n').map((l) => l.split('\t')[0])).toEqual(expect.arrayContaining(['evt-1', 'evt-3', 'evt-4']));
    expect(list.split('\n')).toHaveLength(3);
    expect(JSON.parse(await runCasesCommand(['show', 'evt-3'], store, topic.sink))).toMatchObject({ case_id: 'evt-3', entity_id: 'cust-2', decision: null });
    expect(await runCasesCommand(['decide', 'evt-3', '--label', 'FRAUD', '--note', 'confirmed by phone'], store, topic.sink, 'ana')).toMatch(/case evt-3: fraud by ana at .* \(analyst: confirmed by phone\); label sent to topic fraud_labels/);
    await expect(runCasesCommand(['decide', 'evt-3', '--label', 'legit', '--analyst', 'bob'], store, topic.sink)).rejects.toThrow(/case evt-3 is closed: fraud by ana/);
    await expect(runCasesCommand(['decide', 'evt-2', '--label', 'fraud'], store, topic.sink)).rejects.toThrow(/no case evt-2/);
    await expect(runCasesCommand(['decide', 'evt-1', '--label', 'maybe'], store, topic.sink)).rejects.toThrow(UsageError);
    expect(topic.labels().map((l) => l.event_id)).toEqual(['evt-3']);
    expect(await runCasesCommand(['list', '--closed'], store, topic.sink)).toMatch(/^evt-3\tcust-2\treview\t700\t.*\tfraud$/);
  });

  it('imports 42 rows: of two rows for one event the first in the file decides, the second is counted as already decided', async () => {
    const store = await withCases();
    const topic = labelsTopic();
    const file = join(mkdtempSync(join(tmpdir(), 'csv-')), 'many.csv');
    const rows = Array.from({ length: 40 }, (_, i) => `evt-${100 + i},${i % 3 === 0 ? 'fraud' : 'legit'},2026-11-30T09:00:00Z,cust-${i}`);
    // evt-105 again far below it, evt-110 again right after it: both times with the other label.
    rows.splice(30, 0, 'evt-105,fraud,2026-11-30T10:00:00Z,cust-5');
    rows.splice(11, 0, 'evt-110,fraud,2026-11-30T10:00:00Z,cust-10');
    writeFileSync(file, ['EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP,ENTITY_ID', ...rows].join('\n'));

    const out = await runCasesCommand(['import', file, '--analyst', 'feed'], store, topic.sink);

    expect(out.split('\n')[0]).toBe(`${file}: 0 cases decided, 40 labels without a case, 2 already decided, 0 bad rows; labels sent to topic fraud_labels`);
    expect((await store.get('evt-105'))!.decision).toMatchObject({ label: 'legit', label_time: '2026-11-30T09:00:00Z' });
    expect((await store.get('evt-110'))!.decision).toMatchObject({ label: 'legit', label_time: '2026-11-30T09:00:00Z' });
    expect(topic.labels()).toHaveLength(40);
    expect(new Set(topic.labels().map((l) => l.event_id)).size).toBe(40);
  });

  it('imports a label CSV: decides cases, labels events without one, keeps earlier decisions, reports bad rows by line', async () => {
    const store = await withCases();
    const topic = labelsTopic();
    await runCasesCommand(['decide', 'evt-4', '--label', 'legit'], store, topic.sink, 'ana');
    const file = join(mkdtempSync(join(tmpdir(), 'csv-')), 'labels.csv');
    writeFileSync(file, [
      'EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP,ENTITY_ID',
      'evt-1,fraud,2026-11-30T09:00:00Z,',
      'evt-4,fraud,2026-11-30T09:00:00Z,',
      'evt-99,fraud,2026-11-30T09:00:00Z,cust-9',
      'evt-98,fraud,2026-11-30T09:00:00Z,',
      'evt-3,bogus,2026-11-30T09:00:00Z,',
    ].join('\n'));
    const out = await runCasesCommand(['import', file, '--analyst', 'chargebacks'], store, topic.sink);
    expect(out.split('\n')).toEqual([
      `${file}: 1 cases decided, 1 labels without a case, 1 already decided, 2 bad rows; labels sent to topic fraud_labels`,
      'line 3: evt-4 was decided before (legit by ana at ' + (await store.get('evt-4'))!.decision!.decided_at + ' (analyst)); kept',
      'line 5: no case evt-98 and no entity id for a label without one: add an ENTITY_ID column',
      'line 6: EVENT_LABEL "bogus": one of fraud, legit (any case)',
    ]);
    expect(topic.labels().map((l) => `${l.event_id}:${l.label}:${l.label_time}`)).toEqual([
      expect.stringMatching(/^evt-4:legit:/), 'evt-1:fraud:2026-11-30T09:00:00Z', 'evt-99:fraud:2026-11-30T09:00:00Z',
    ]);
    expect((await store.get('evt-1'))!.decision).toMatchObject({ analyst: 'chargebacks', source: 'import', had_case: true });
    // Export writes every decision in the same format; importing it again changes nothing.
    const exported = join(mkdtempSync(join(tmpdir(), 'csv-')), 'out.csv');
    expect(await runCasesCommand(['export', '--out', exported], store, topic.sink)).toMatch(/^3 decisions written/);
    expect(readFileSync(exported, 'utf8').trim().split('\n')).toEqual([
      'EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP', 'evt-1,fraud,2026-11-30T09:00:00Z', expect.stringMatching(/^evt-4,legit,/), 'evt-99,fraud,2026-11-30T09:00:00Z',
    ]);
    expect(await runCasesCommand(['import', exported], store, topic.sink)).toMatch(/0 cases decided, 0 labels without a case, 3 already decided, 0 bad rows/);
    expect(topic.labels()).toHaveLength(3);
  });

  it('with TOPICS=memory applies a decision\'s label at once through the label function\'s code: in the lake and in the entity state', async () => {
    const store = await withCases();
    const lakeRoot = mkdtempSync(join(tmpdir(), 'labels-lake-'));
    const state = new PackedEntityState({ maxEntities: 1000, ttlSeconds: 86_400 });
    const deps: LabelDeps = {
      feedback: new LabelFeedback(loadModelFeatures(resolveModelDir('')), state, 3600), producer: new MemoryTopics(1), dlqTopic: 'dlq', maxRecordBytes: 65_536,
      logger: createLogger('t', { level: 'silent' }), lake: { store: new FsObjectStore(lakeRoot), bucket: 'lake', prefix: 'labels' },
    };
    const sink = appliedLabelSink(deps, 'fraud_labels', 'in the lake');
    expect(await runCasesCommand(['decide', 'evt-1', '--label', 'fraud'], store, sink, 'ana')).toMatch(/^case evt-1: fraud by ana .*label sent to the label function's code \(in the lake\)$/);
    expect(await runCasesCommand(['decide', 'evt-4', '--label', 'legit'], store, sink, 'ana')).toMatch(/^case evt-4: legit by ana/);
    const [day] = readdirSync(join(lakeRoot, 'lake', 'labels'));
    expect(day).toBe(`dt=${new Date().toISOString().slice(0, 10)}`);
    const rows = readdirSync(join(lakeRoot, 'lake', 'labels', day!)).flatMap((f) => readFileSync(join(lakeRoot, 'lake', 'labels', day!, f), 'utf8').trim().split('\n').map((l) => LakeLabelSchema.parse(JSON.parse(l))));
    expect(rows.map((r) => `${r.event_id}:${r.label}:${r.source}`).sort()).toEqual(['evt-1:fraud:analyst', 'evt-4:legit:analyst']);
    // Folded into the state: the customer has a known fraud, and the same label again is not counted twice.
    expect(state.get('c:cust-1')).toBeDefined();
    expect((await labelBatch([recordOf({ event_id: 'evt-1', entity_id: 'cust-1', label: 'fraud', label_time: rows[0]!.label_time, variables: {} }, 0, 'fraud_labels')], deps)).applied).toBe(0);
    expect((await store.get('evt-1'))!.labelSentAt).toBeDefined();
  });

  it('keeps a decision whose label could not be applied pending, says so, and applies it on a later attempt', async () => {
    const store = await withCases();
    const broken: LabelSink = { where: 'the label function', done: 'applied', send: async () => { throw new Error('lake not writable'); } };
    await expect(runCasesCommand(['decide', 'evt-1', '--label', 'fraud'], store, broken, 'ana')).rejects.toThrow(/fraud by ana .* recorded, but its label not sent to the label function: lake not writable; it stays pending/);
    expect((await store.get('evt-1'))!).toMatchObject({ decision: { label: 'fraud' } });
    expect((await store.get('evt-1'))!.labelSentAt).toBeUndefined();
    expect((await store.list({ open: false, limit: 10 })).find((c) => c.case_id === 'evt-1')).toMatchObject({ label_pending: true });
    const topic = labelsTopic();
    expect(await resendPending(store, topic.sink, 'evt-1')).toEqual({ sent: false });
    expect(await resendPending(store, topic.sink, 'evt-1', new Date(Date.now() + RESEND_AFTER_MS))).toEqual({ sent: true });
    expect(topic.labels().map((l) => `${l.event_id}:${l.label}`)).toEqual(['evt-1:fraud']);
    expect((await store.list({ open: false, limit: 10 })).find((c) => c.case_id === 'evt-1')!.label_pending).toBeUndefined();
  });
});
