import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAfdEvents, type AfdRow } from '../src/afd/eventReader.js';
import { csvSample } from '../src/afd/csvRows.js';
import { SkipSummary, SkippedRowsError } from '../src/afd/skips.js';
import { sortCsvByTime } from '../src/afd/sortByTime.js';
import { inferEventType } from '../src/eventType/infer.js';
import { EventTypeSchema } from '../src/eventType/schema.js';
import { writeAfdSample } from './support/afdSample.js';

const dir = mkdtempSync(join(tmpdir(), 'reader-'));
const sample = join(dir, 'afd-sample.csv');
writeAfdSample(sample, { seed: 4, customers: 300, days: 10, events: 3000 });

async function readAll(file: string, eventType = inferEventType((readFileSync(file, 'utf8').split('\n')[0] ?? '').split(','), []).eventType, requireLabels = true) {
  const rows: AfdRow[] = [];
  const skips = new SkipSummary();
  const notes = new SkipSummary();
  const result = await readAfdEvents(file, { eventType, requireLabels, skips, notes, onRow: (r) => rows.push(r) });
  return { rows, skips, notes, result };
}

describe('AFD: inferEventType', () => {
  it('types the columns of a foreign AFD export by name and values', async () => {
    // Prepare
    const { header, rows } = await csvSample(sample, 2000);
    // Act
    const { eventType, notes } = inferEventType(header, rows, 'their_event');
    // Assess
    const types = Object.fromEntries(eventType.variables.map((v) => [v.name, v.variableType]));
    expect(types).toEqual({
      order_price: 'PRICE', payment_currency: 'CURRENCY_CODE', card_bin: 'CARD_BIN', customer_email: 'EMAIL_ADDRESS', billing_phone: 'BILLING_PHONE',
      billing_address: 'BILLING_ADDRESS_L1', billing_city: 'BILLING_CITY', billing_state: 'BILLING_STATE', billing_postal: 'BILLING_ZIP',
      billing_country: 'BILLING_COUNTRY', ip_address: 'IP_ADDRESS', user_agent: 'USERAGENT', product_category: 'PRODUCT_CATEGORY',
      merchant: 'CATEGORICAL', customer_name: 'BILLING_NAME', session_id: 'ORDER_ID', notes: 'CATEGORICAL',
    });
    expect(eventType.variables.every((v) => !v.required)).toBe(true);
    expect(notes.merchant).toBe('name: merchant-like');
  });

  it('keeps label-like columns out of the features and names odd headers safely', () => {
    const { eventType } = inferEventType(['EVENT_TIMESTAMP', 'is_fraud', 'Amount (USD)'], [['2026-01-01', '1', '12.5'], ['2026-01-02', '0', '3']]);
    expect(eventType.variables).toEqual([
      { name: 'is_fraud', variableType: 'FRAUD_LABEL', required: false },
      { name: 'Amount_USD_', column: 'Amount (USD)', variableType: 'PRICE', required: false },
    ]);
  });
});

describe('AFD: readAfdEvents', () => {
  it('reads every row of a foreign export: US timestamps, any ISO currency, zero amounts, extra columns', async () => {
    const { header, rows: sampled } = await csvSample(sample, 2000);
    const { rows, skips, result } = await readAll(sample, inferEventType(header, sampled).eventType);
    expect(rows).toHaveLength(3000);
    expect(skips.skipped).toBe(0);
    expect(rows.some((r) => r.values[0] === 0)).toBe(true);
    expect(result.hasLabelTimestamps).toBe(true);
    expect(rows.every((r) => Number.isFinite(r.time) && Number.isFinite(r.labelTime) && r.label !== null)).toBe(true);
  });

  it('maps declared variables onto other column names, and reports columns it does not use', async () => {
    const eventType = EventTypeSchema.parse({ variables: { amount: 'PRICE', phone: 'PHONE_NUMBER' } });
    eventType.variables[0]!.column = 'order_price';
    eventType.variables[1]!.column = 'billing_phone';
    const { rows, result } = await readAll(sample, eventType);
    expect(rows[0]!.values).toHaveLength(2);
    expect(rows[0]!.values[1]).toMatch(/^\d{3}-\d{3}-\d{4}$/);
    expect(result.ignoredColumns).toContain('merchant');
  });

  it('skips bad rows with the column and reason, and keeps the rest', async () => {
    // Prepare
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [
      'EVENT_ID,EVENT_TIMESTAMP,ENTITY_ID,EVENT_LABEL,amount,email',
      'e1,2026-01-01T00:00:00Z,c1,fraud,10,a@b.co',
      'e2,not a time,c1,legit,10,a@b.co',
      'e3,2026-01-01T00:01:00Z,c1,maybe,10,a@b.co',
      'e4,2026-01-01T00:02:00Z,c1,,10,a@b.co',
      'e5,2026-01-01T00:03:00Z,c1,legit,10',
      'e6,2026-01-01T00:04:00Z,,legit,ten,',
      'e7,2026-01-01T00:05:00Z,c2,legit,0,c@d.co',
    ].join('\n'));
    const eventType = EventTypeSchema.parse({ variables: [{ name: 'amount', variableType: 'PRICE' }, { name: 'email', variableType: 'EMAIL_ADDRESS' }] });
    // Act
    const { rows, skips, notes } = await readAll(file, eventType);
    // Assess
    expect(rows.map((r) => r.eventId)).toEqual(['e1', 'e6', 'e7']);
    expect(skips.toJSON().map((s) => [s.column, s.reason, s.count, s.first_lines])).toEqual([
      ['EVENT_TIMESTAMP', 'not a timestamp in a format AFD accepts', 1, [3]],
      ['EVENT_LABEL', 'neither a fraud label (fraud, 1, true, yes) nor a legitimate one (legit, 0, false, no)', 1, [4]],
      ['EVENT_LABEL', 'empty', 1, [5]],
      ['(row)', 'has 5 fields, the header 6', 1, [6]],
    ]);
    expect(rows[1]).toMatchObject({ entityId: 'unknown', values: [undefined, undefined] });
    expect(notes.toJSON().map((n) => n.column).sort()).toEqual(['ENTITY_ID', 'amount']);
    expect(() => skips.check(file, 7, 0.5)).toThrow(SkippedRowsError);
    expect(() => skips.check(file, 7, 0.5)).toThrow(/4 of 7 rows skipped \(57\.1%.*\n.*EVENT_TIMESTAMP: not a timestamp/s);
  });

  it.each([
    ['no EVENT_TIMESTAMP column', 'EVENT_ID,amount\ne1,3', /missing required column\(s\) EVENT_TIMESTAMP, EVENT_LABEL; its columns are: EVENT_ID, amount/],
    ['no EVENT_LABEL column when training', 'EVENT_TIMESTAMP,amount\n2026-01-01,3', /missing required column\(s\) EVENT_LABEL/],
    ['a required variable without its column', 'EVENT_TIMESTAMP,EVENT_LABEL\n2026-01-01,fraud', /missing required column\(s\) amount/],
  ])('fails on %s, naming it', async (_name, text, message) => {
    const file = join(dir, 'broken.csv');
    writeFileSync(file, text);
    const eventType = EventTypeSchema.parse({ variables: [{ name: 'amount', variableType: 'PRICE', required: true }] });
    await expect(readAll(file, eventType)).rejects.toThrow(message);
  });
});

describe('AFD: sortCsvByTime', () => {
  it('sorts a file by EVENT_TIMESTAMP through spilled runs, keeping equal times in file order and quoted fields intact', async () => {
    // Prepare
    const file = join(dir, 'unsorted.csv');
    const times = Array.from({ length: 250 }, (_, i) => Date.UTC(2026, 0, 1) + ((i * 7919) % 97) * 60_000);
    writeFileSync(file, ['EVENT_ID,EVENT_TIMESTAMP,note', ...times.map((t, i) => `e${i},${new Date(t).toISOString()},"a, ""quoted""\nnote ${i}"`)].join('\n'));
    const out = join(dir, 'sorted.csv');
    // Act
    await sortCsvByTime(file, out, 40);
    // Assess
    const { rows } = await csvSample(out, 1000);
    const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => `e${x.i}`);
    expect(rows.map((r) => r[0])).toEqual(expected);
    expect(rows[0]![2]).toBe(`a, "quoted"\nnote ${expected[0]!.slice(1)}`);
  });
});
