import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAfdEvents, type AfdRow } from '../src/afd/eventReader.js';
import { toAfdCsv } from '../src/afd/csvWriter.js';
import { sortCsvByTime } from '../src/afd/sortByTime.js';
import { TRANSACTION_EVENT_TYPE } from '../src/eventType/transaction.js';
import { FeatureEngine } from '../src/features/FeatureEngine.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';
import { buildDataset } from '../src/training/dataset.js';
import { Progress } from '../src/training/progress.js';
import { SPLIT } from '../src/training/split.js';
import { parseTreatment, resolveTreatment, type UnlabelledTreatment } from '../src/training/unlabelled.js';
import { REPO_ROOT } from '../../../shared/test/support/serverless.js';

const dir = mkdtempSync(join(tmpdir(), 'unlabelled-'));
const DAY = 86_400_000;
const T0 = Date.parse('2026-10-12T00:00:00Z');
const sim = new TransactionSimulator({ seed: 77, customers: 300, fraudRate: 0.03 });
const events = sim.generate(T0, T0 + 21 * DAY, 6000).sort((a, b) => a.transaction.event_time.localeCompare(b.transaction.event_time));
/** Our CSV's first six columns are EVENT_ID, EVENT_TIMESTAMP, ENTITY_ID, ENTITY_TYPE, EVENT_LABEL, LABEL_TIMESTAMP: no commas in them. */
const csvLines = toAfdCsv(events).trim().split('\n');
const header = csvLines[0]!;
const rows = csvLines.slice(1);
// A fixed shuffle: the file is far from time order.
const shuffled = rows.map((l, i) => ({ l, k: (i * 7919) % rows.length })).sort((a, b) => a.k - b.k).map((x) => x.l);
const cell = (line: string, i: number) => line.split(',')[i]!;
const withoutEventId = (line: string) => line.slice(line.indexOf(',') + 1);

describe('Row names: line-N is the line of the user\'s file, through the time sort', () => {
  it('reads back, from the sorted copy, each row under its original line (header = line 1)', async () => {
    // Prepare: unsorted, no EVENT_ID column
    const file = join(dir, 'no-ids.csv');
    writeFileSync(file, [withoutEventId(header), ...shuffled.map(withoutEventId)].join('\n'));
    const sorted = join(dir, 'no-ids.sorted.csv');
    // Act
    await sortCsvByTime(file, sorted, 700);
    const read: AfdRow[] = [];
    await readAfdEvents(sorted, { eventType: TRANSACTION_EVENT_TYPE, requireLabels: false, onRow: (r) => void read.push(r) });
    // Assess: the rows come in time order, and line-N names the row at line N of the unsorted file
    expect(read).toHaveLength(shuffled.length);
    expect(read.map((r) => r.time)).toEqual([...read.map((r) => r.time)].sort((a, b) => a - b));
    for (const r of read) {
      expect(r.eventId).toBe(`line-${r.line}`);
      const original = shuffled[r.line - 2]!;
      expect(Date.parse(cell(original, 1))).toBe(r.time);
      expect(cell(original, 2)).toBe(r.entityId);
    }
    expect(new Set(read.map((r) => r.line)).size).toBe(shuffled.length);
  });

  it('score:fraud keys rows without EVENT_ID by the line of the user\'s file: they join back to the right rows', () => {
    // Prepare: the same unsorted events with and without EVENT_ID
    const withIds = join(dir, 'with-ids.csv');
    const noIds = join(dir, 'no-ids-score.csv');
    writeFileSync(withIds, [header, ...shuffled].join('\n'));
    writeFileSync(noIds, [withoutEventId(header), ...shuffled.map(withoutEventId)].join('\n'));
    const score = (events: string, out: string) => spawnSync('npx', ['tsx', 'scripts/fraud/score.ts', '--events', events, '--out', out], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
    // Act
    const a = score(withIds, join(dir, 'a.csv'));
    const b = score(noIds, join(dir, 'b.csv'));
    // Assess
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const byId = new Map(readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n').slice(1).map((l) => [cell(l, 0), cell(l, 1)]));
    const keyed = readFileSync(join(dir, 'b.csv'), 'utf8').trim().split('\n').slice(1);
    expect(keyed).toHaveLength(shuffled.length);
    const spread = new Set(keyed.map((l) => cell(l, 1))).size;
    expect(spread).toBeGreaterThan(20);
    for (const l of keyed) {
      const line = Number(/^line-(\d+)$/.exec(cell(l, 0))![1]);
      expect(cell(l, 1)).toBe(byId.get(cell(shuffled[line - 2]!, 0)));
    }
    // The AUC lines say what they cover; the shipped model's test window starts 2026-10-26T12:01:47.977Z.
    expect(b.stderr).toContain('all labelled rows of this file: training rows included if the model was trained on them');
    const inWindow = rows.filter((l) => Date.parse(cell(l, 1)) >= Date.parse('2026-10-26T12:01:47.977Z')).length;
    expect(b.stderr).toContain(`held-out window (events from 2026-10-26T12:01:47.977Z, the model's test window): ${inWindow.toLocaleString('en-US')} labelled rows`);
  }, 300_000);
});

describe('Unlabelled events, as AFD treats them (IGNORE, LEGIT, FRAUD, AUTO)', () => {
  // 40% unlabelled, as in AFD's cold-start samples; two customers' unlabelled events also test history.
  const file = join(dir, 'cold-start.csv');
  const unlabelled = new Set(rows.map((_, i) => i).filter((i) => i % 5 < 2));
  writeFileSync(file, [header, ...rows.map((l, i) => {
    if (!unlabelled.has(i)) return l;
    const cells = l.split(',');
    cells[4] = '';
    cells[5] = '';
    return cells.join(',');
  })].join('\n'));
  const engine = () => new FeatureEngine(TRANSACTION_EVENT_TYPE, { keys: [{ variable: 'merchant', derive: 'value', labels: true }], vocabularies: {}, labelDelayDays: 2, entityLabels: true });
  const build = async (treatment: UnlabelledTreatment) => {
    const out = mkdtempSync(join(dir, `ds-${treatment}-`));
    const e = engine();
    const summary = await buildDataset({ file, engine: e, outDir: out, testShare: 0.2, validShare: 0.125, maxSkipped: 0.05, unlabelled: treatment });
    const split = readFileSync(join(out, 'split.u8'));
    const label = readFileSync(join(out, 'label.u8'));
    const x = new Float32Array(readFileSync(join(out, 'X.f32')).buffer.slice(0));
    return { summary, split, label, x, names: e.names };
  };
  const truth = rows.map((l, i) => (unlabelled.has(i) ? null : cell(l, 4) === 'fraud' ? 1 : 0));

  it.each(['IGNORE', 'LEGIT', 'FRAUD'] as const)('%s: no row skipped; unlabelled events in the loss as the treatment says, never in the test window', async (treatment) => {
    // Act
    const { summary, split, label } = await build(treatment);
    // Assess (the file is in time order: rows keep their order)
    expect(summary.skips.skipped).toBe(0);
    expect(summary.events).toBe(rows.length);
    expect(summary.unlabelled.events).toBe(unlabelled.size);
    expect(summary.unlabelled.treatment.treatment).toBe(treatment);
    expect(summary.fraud).toBe(truth.filter((t) => t === 1).length);
    let inLoss = 0;
    truth.forEach((t, i) => {
      if (t !== null) {
        expect(label[i]).toBe(t);
        expect(split[i]).not.toBe(SPLIT.unlabelled);
        return;
      }
      if (split[i] === SPLIT.unlabelled) return;
      inLoss += 1;
      expect([SPLIT.train, SPLIT.valid]).toContain(split[i]);
      expect(label[i]).toBe(treatment === 'FRAUD' ? 1 : 0);
    });
    if (treatment === 'IGNORE') expect(inLoss).toBe(0);
    else expect(inLoss).toBeGreaterThan(unlabelled.size / 2);
    expect([...split].filter((s, i) => s === SPLIT.test && truth[i] === null)).toHaveLength(0);
    // The label history gets real fraud labels only, whatever the treatment
    expect(summary.labelsApplied).toBeLessThanOrEqual(summary.fraud);
  }, 120_000);

  it('unlabelled events still feed entity history: an entity\'s event count includes them', async () => {
    // Act
    const { x, names } = await build('IGNORE');
    // Assess: entity.count of each customer's last event counts every earlier event of it in the window, labelled or not
    const at = names.indexOf('entity.count');
    expect(at).toBeGreaterThanOrEqual(0);
    const lastOf = new Map<string, number>();
    rows.forEach((l, i) => lastOf.set(cell(l, 2), i));
    const [customer, last] = [...lastOf.entries()].find(([c, i]) => rows.slice(0, i).some((l, j) => unlabelled.has(j) && cell(l, 2) === c))!;
    const seen = rows.slice(0, last + 1).filter((l) => cell(l, 2) === customer).length;
    const labelledOnly = rows.slice(0, last + 1).filter((l, j) => cell(l, 2) === customer && !unlabelled.has(j)).length;
    const count = x[last * names.length + at]!;
    expect(count).toBeGreaterThan(labelledOnly - 1);
    expect([seen, seen - 1]).toContain(count);
  }, 120_000);

  it('AUTO follows AFD\'s recommendations; settings take AFD\'s names in any case and name the setting when wrong', () => {
    expect(resolveTreatment('AUTO', { labelled: 60, fraud: 3, unlabelled: 40 }).treatment).toBe('IGNORE');
    expect(resolveTreatment('AUTO', { labelled: 40, fraud: 3, unlabelled: 60 })).toEqual({ treatment: 'LEGIT', reason: 'AUTO: 60.0% of events unlabelled, and most labelled ones (92.5%) are legitimate' });
    expect(resolveTreatment('AUTO', { labelled: 40, fraud: 30, unlabelled: 60 }).treatment).toBe('FRAUD');
    expect(resolveTreatment('LEGIT', { labelled: 90, fraud: 3, unlabelled: 10 })).toEqual({ treatment: 'LEGIT', reason: 'as set' });
    expect(parseTreatment('legit')).toBe('LEGIT');
    expect(() => parseTreatment('unknown')).toThrow('--unlabelled unknown: expected one of IGNORE, LEGIT, FRAUD, AUTO');
  });
});

describe('CLI: progress lines and the shipped model kept safe', () => {
  it('prints counts, rate and time left at most every interval', () => {
    let now = 0;
    const lines: string[] = [];
    const p = new Progress({ label: 'score:fraud: scoring', unit: 'events', everyMs: 5000, write: (l) => lines.push(l), now: () => now });
    now = 1000;
    p.update(10_000, 100_000);
    now = 5000;
    p.update(50_000, 100_000);
    now = 6000;
    p.update(60_000, 100_000);
    now = 20_000;
    p.update(200_000, 1_000_000, true);
    expect(lines).toEqual([
      'score:fraud: scoring: 50,000 of 100,000 events (50%), 10,000/s, 5 s left',
      'score:fraud: scoring: 200,000 of ~1,000,000 events (20%), 10,000/s, ~80 s left',
    ]);
  });

  it('train:fraud refuses to overwrite a model folder without --replace, before any work', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/fraud/train.ts', '--events', file(), '--out', 'services/txn/model', '--no-lake-labels'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('train:fraud: --out services/txn/model already holds files (a model?): add --replace to overwrite them');
    expect(spawnSync('git', ['status', '--porcelain', 'services/txn/model'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout).toBe('');
  }, 120_000);
});

function file(): string {
  const f = join(dir, 'tiny.csv');
  writeFileSync(f, [header, ...rows.slice(0, 10)].join('\n'));
  return f;
}
