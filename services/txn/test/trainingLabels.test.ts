import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toAfdCsv } from '../src/afd/csvWriter.js';
import { TRANSACTION_EVENT_TYPE } from '../src/eventType/transaction.js';
import { FeatureEngine } from '../src/features/FeatureEngine.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';
import { buildDataset } from '../src/training/dataset.js';
import { describeMerge, LabelMerge } from '../src/training/lakeLabels.js';

const dir = mkdtempSync(join(tmpdir(), 'train-labels-'));
const DAY = 86_400_000;
const T0 = Date.parse('2026-10-12T00:00:00Z');
const events = new TransactionSimulator({ seed: 5, customers: 100, fraudRate: 0.05 }).generate(T0, T0 + 14 * DAY, 1500)
  .sort((a, b) => a.transaction.event_time.localeCompare(b.transaction.event_time));
const file = join(dir, 'events.csv');
writeFileSync(file, toAfdCsv(events));
/** Our CSV's first six columns: EVENT_ID, EVENT_TIMESTAMP, ENTITY_ID, ENTITY_TYPE, EVENT_LABEL, LABEL_TIMESTAMP. */
const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const legit = rows.filter((r) => r[4] === 'legit');
const fraud = rows.filter((r) => r[4] === 'fraud');
const later = (r: string[], days: number) => new Date(Date.parse(r[5] || r[1]!) + days * DAY).toISOString();

/** Lake label rows as the label function writes them, under labels/dt=<day>/. */
function lake(rows: object[]): string {
  const root = mkdtempSync(join(dir, 'lake-'));
  mkdirSync(join(root, 'dt=2026-11-01'), { recursive: true });
  writeFileSync(join(root, 'dt=2026-11-01', 'fraud_labels-0-0000000000000001.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\nnot json\n`);
  return root;
}

async function labelsOf(merge?: LabelMerge): Promise<Map<string, number>> {
  const out = mkdtempSync(join(dir, 'ds-'));
  const engine = new FeatureEngine(TRANSACTION_EVENT_TYPE, { keys: [{ variable: 'merchant', derive: 'value', labels: true }], vocabularies: {}, labelDelayDays: 2, entityLabels: true });
  await buildDataset({ file, engine, outDir: out, testShare: 0.2, validShare: 0.125, maxSkipped: 0.05, ...(merge ? { labels: merge } : {}) });
  const label = readFileSync(join(out, 'label.u8'));
  // The file is in time order: rows keep their order.
  return new Map(rows.map((r, i) => [r[0]!, label[i]!]));
}

describe('Training: labels kept in the lake merged into the events (AFD: the latest LABEL_TIMESTAMP wins)', () => {
  it('a later lake label changes its event\'s training label, an older one does not, unmatched ones are counted', async () => {
    // Prepare: a decision of fraud after the file's legit label, a legit one before the file's fraud label, a repeat, and two unknown events
    const [flipped, repeated] = [legit[0]!, legit[1]!];
    const stale = fraud[0]!;
    const root = lake([
      { event_id: flipped[0], entity_id: flipped[2], label: 'fraud', label_time: later(flipped, 1), source: 'analyst' },
      { event_id: stale[0], entity_id: stale[2], label: 'legit', label_time: later(stale, -1), source: 'import' },
      { event_id: repeated[0], entity_id: repeated[2], label: 'fraud', label_time: later(repeated, 1), source: 'analyst' },
      { event_id: repeated[0], entity_id: repeated[2], label: 'legit', label_time: later(repeated, 2), source: 'analyst' },
      { event_id: 'evt-unknown-1', entity_id: 'c', label: 'fraud', label_time: '2026-11-01T00:00:00Z', source: 'analyst' },
      { event_id: 'evt-unknown-2', entity_id: 'c', label: 'legit', label_time: '2026-11-01T00:00:00Z', source: null },
    ]);
    const csv = join(dir, 'chargebacks.csv');
    writeFileSync(csv, `EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP\n${legit[2]![0]},fraud,${later(legit[2]!, 3)}\n`);
    // Act
    const merge = await LabelMerge.load([root, csv]);
    const merged = await labelsOf(merge);
    const plain = await labelsOf();
    // Assess
    expect([plain.get(flipped[0]!), merged.get(flipped[0]!)]).toEqual([0, 1]);
    expect([plain.get(stale[0]!), merged.get(stale[0]!)]).toEqual([1, 1]);
    expect(merged.get(repeated[0]!)).toBe(0); // its latest label is legit, as the file says
    expect(merged.get(legit[2]![0]!)).toBe(1); // from the label CSV
    const changedIds = [...merged].filter(([id, l]) => plain.get(id) !== l).map(([id]) => id).sort();
    expect(changedIds).toEqual([flipped[0], legit[2]![0]].sort());
    const s = merge.summary();
    expect(s).toMatchObject({ read: 7, events: 6, matched: 4, changed: 2, kept: 1, unmatched: 2, badLines: 1 });
    expect(s.unmatchedIds.sort()).toEqual(['evt-unknown-1', 'evt-unknown-2']);
    expect(s.bad[0]!.where).toMatch(/fraud_labels-0-0000000000000001\.jsonl:7$/);
    expect(describeMerge(s)).toMatch(/7 read \(6 events\), 4 matched, 2 changed a label, 1 older than the file's label \(kept\), 2 unmatched \(evt-unknown-/);
  });

  it('at the same label_time fraud wins, whichever file or row says it last (as the backtest and the dashboard count it)', async () => {
    const [a, b, c] = [legit[3]!, legit[4]!, legit[5]!];
    const at = (r: string[]) => later(r, 1);
    const root = mkdtempSync(join(dir, 'tie-'));
    mkdirSync(join(root, 'dt=2026-11-01'), { recursive: true });
    const put = (name: string, rows: object[]) => writeFileSync(join(root, 'dt=2026-11-01', name), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    // Files are read in path order: a fraud label in the first, a legit one at the same instant in the second, and the reverse.
    put('a.jsonl', [{ event_id: a[0], entity_id: a[2], label: 'fraud', label_time: at(a), source: 'analyst' }, { event_id: b[0], entity_id: b[2], label: 'legit', label_time: at(b), source: 'import' }]);
    put('b.jsonl', [{ event_id: a[0], entity_id: a[2], label: 'legit', label_time: at(a), source: 'import' }, { event_id: b[0], entity_id: b[2], label: 'fraud', label_time: at(b), source: 'analyst' }]);
    // A lake fraud label at the instant of the file's own legit label.
    const csvTime = join(dir, 'tie-events.csv');
    writeFileSync(csvTime, `EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP\n${c[0]},fraud,${c[5] || c[1]}\n`);

    const merged = await labelsOf(await LabelMerge.load([root, csvTime]));

    expect([merged.get(a[0]!), merged.get(b[0]!), merged.get(c[0]!)]).toEqual([1, 1, 1]);
  });

  it('names a --labels path that does not exist', async () => {
    await expect(LabelMerge.load([join(dir, 'nope')])).rejects.toThrow(`--labels ${join(dir, 'nope')}: no such file or folder`);
  });
});
