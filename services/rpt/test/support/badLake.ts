import type { ObjectStore } from '@sfc/shared';
import { makeFinding, makeTransaction, rng } from './lakeGenerator.js';

/** The bad-data fixtures: one hour of transactions and a few findings, some broken in every way the report must catch. */
export const BAD_LAKE_START = new Date('2026-02-10T08:00:00Z');
export const BAD_LAKE_WINDOW = { from: BAD_LAKE_START, to: new Date(BAD_LAKE_START.getTime() + 3_600_000) };
export const BAD_LAKE_DIR = 'processed/dt=2026-02-10/hour=08';

const r = rng(3);
const valid = (i: number) => makeTransaction(r, i, new Date(BAD_LAKE_START.getTime() + i * 1000));
const line = (x: unknown) => JSON.stringify(x);

/** Records that break the shared schema, the field the report must name, and the reason it gives. */
export const BROKEN: [string, (i: number) => unknown, string][] = [
  ['negative amount', (i) => ({ ...valid(i), transaction_amt: -5 }), 'transaction_amt: below 0'],
  ['unknown outcome', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, outcome: 'maybe' } }; }, 'fd.outcome: not an allowed value'],
  ['invalid email', (i) => ({ ...valid(i), email_address: 'not-an-email' }), 'email_address: invalid format (email)'],
  ['missing decision', (i) => { const { fd: _fd, ...t } = valid(i); return t; }, 'fd: required'],
  ['event_time not ISO-8601', (i) => ({ ...valid(i), event_time: '10/02/2026 08:00' }), 'event_time: invalid format (date-time)'],
  ['amount above the maximum', (i) => ({ ...valid(i), transaction_amt: 250_000 }), 'transaction_amt: above 100000'],
  ['bad IP address', (i) => ({ ...valid(i), ip_address: '999.1.1.1' }), 'ip_address: invalid format (ipv4 or ipv6)'],
  ['unknown category', (i) => ({ ...valid(i), product_category: 'crypto' }), 'product_category: not an allowed value'],
  ['fractional score', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, score: 912.5 } }; }, 'fd.score: not an integer'],
  // A bigint column would read 1.7 as 1 and accept it (Trino's OpenX JSON reader): the reason integers are declared double.
  ['fractional score below 2', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, score: 1.7 } }; }, 'fd.score: not an integer'],
  ['fractional card BIN', (i) => ({ ...valid(i), card_bin: 400123.5 }), 'card_bin: not an integer'],
  ['score out of range', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, score: 1001 } }; }, 'fd.score: above 1000'],
  // Year 0 with an offset is year -1 in UTC (`dt=-000001-12`); the year as written is what counts.
  ['event_time in year 0', (i) => ({ ...valid(i), event_time: '0000-01-01T00:00:00+01:00' }), 'event_time: invalid format (pattern ^20\\d\\d-.*)'],
  ['event_time in year 9999', (i) => ({ ...valid(i), event_time: '9999-12-31T23:59:59-01:00' }), 'event_time: invalid format (pattern ^20\\d\\d-.*)'],
  ['time to detect of 1e308 ms', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, ttdf_ms: 1e308 } }; }, 'fd.ttdf_ms: above 31622400000'],
  ['model time above 15 minutes', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, model_time_ms: 5.5e307 } }; }, 'fd.model_time_ms: above 900000'],
];

/**
 * Writes the fixtures to the `lake` bucket: a good object, one mixing valid and broken records, a
 * truncated object, a binary (gzip-looking) object, and three findings (valid, invalid, truncated).
 */
export async function writeBadLake(store: ObjectStore): Promise<void> {
  const good = Array.from({ length: 50 }, (_, i) => valid(i));
  const mixed = [...Array.from({ length: 20 }, (_, i) => valid(100 + i)), ...BROKEN.map(([, make], k) => make(200 + k))];
  await store.put('lake', `${BAD_LAKE_DIR}/transactions-0-0.jsonl`, good.map(line).join('\n') + '\n');
  await store.put('lake', `${BAD_LAKE_DIR}/transactions-1-0.jsonl`, mixed.map(line).join('\n') + '\n');
  const truncated = Array.from({ length: 10 }, (_, i) => line(valid(300 + i))).join('\n');
  await store.put('lake', `${BAD_LAKE_DIR}/transactions-2-0.jsonl`, truncated.slice(0, truncated.length - 40));
  await store.put('lake', `${BAD_LAKE_DIR}/transactions-3-0.jsonl`, new Uint8Array([0x1f, 0x8b, 0x08, 0, 0xde, 0xad, 0xbe, 0xef, 10, 0x00, 0xff, 10]));
  const finding = (i: number) => makeFinding(r, i, new Date(BAD_LAKE_START.getTime() + i * 60_000));
  await store.put('lake', 'compliance/dt=2026-02-10/a1.json', line(finding(1)));
  await store.put('lake', 'compliance/dt=2026-02-10/b2.json', line({ ...finding(2), verdict: 'maybe' }));
  await store.put('lake', 'compliance/dt=2026-02-10/c3.json', line(finding(3)).slice(0, 50));
}
