import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readAfdCsv, toAfdCsv, AfdCsvError } from '../src/afd/csv.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';

const T0 = Date.parse('2026-10-01T00:00:00Z');
const events = new TransactionSimulator({ seed: 1, customers: 50, fraudRate: 0.1 }).generate(T0, T0 + 86_400_000, 60);
const csv = toAfdCsv(events);

/** The same CSV with columns dropped, reordered (reversed) and extra ones appended. */
function reshape(text: string, { drop = [] as string[], extra = {} as Record<string, string> } = {}): string {
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  const columns = [...Object.keys(rows[0]!).filter((c) => !drop.includes(c)).reverse(), ...Object.keys(extra)];
  return stringify(rows.map((r) => ({ ...r, ...extra })), { header: true, columns });
}

describe('AFD CSV: readAfdCsv', () => {
  it('round-trips simulator events with their labels', () => {
    const read = readAfdCsv(csv, 'events.csv', true);
    expect(read.events.map((e) => e.transaction)).toEqual(events.map((e) => e.transaction));
    expect(read.events.map((e) => e.label)).toEqual(events.map((e) => e.label));
  });

  it('accepts columns in any order and reports the ones it ignores', () => {
    const read = readAfdCsv(reshape(csv, { extra: { merchant_id: 'm-1', device_score: '0.3' } }), 'x.csv', true);
    expect(read.events).toHaveLength(60);
    expect(read.ignoredColumns).toEqual(['merchant_id', 'device_score']);
  });

  it.each([
    ['a missing variable column', { drop: ['order_price'] }, /x\.csv: missing required column\(s\) order_price/],
    ['no labels when training', { drop: ['EVENT_LABEL'] }, /x\.csv: missing required column\(s\) EVENT_LABEL/],
  ])('fails on %s, naming the file and column', (_name, change, message) => {
    expect(() => readAfdCsv(reshape(csv, change), 'x.csv', true)).toThrow(message);
  });

  it('scores unlabelled files when labels are not required', () => {
    const read = readAfdCsv(reshape(csv, { drop: ['EVENT_LABEL', 'LABEL_TIMESTAMP'] }), 'x.csv', false);
    expect(read.events.every((e) => e.label === null)).toBe(true);
  });

  it('refuses a labelled file without a single fraud event', () => {
    const legitOnly = toAfdCsv(events.filter((e) => e.label === 0));
    expect(() => readAfdCsv(legitOnly, 'x.csv', true)).toThrow(AfdCsvError);
  });

  it('skips invalid rows with their line and reason', () => {
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    rows[3]!.order_price = '-5';
    const read = readAfdCsv(stringify(rows, { header: true }), 'x.csv', true);
    expect(read.rejected).toEqual([{ line: 5, reason: expect.stringMatching(/transaction_amt/) }]);
    expect(read.events).toHaveLength(59);
  });
});
