import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore, ScoredTransactionSchema, parseWith } from '@sfc/shared';
import { runReport } from '../../src/local/runReport.js';
import { MALFORMED } from '../../src/sql/validation.js';
import { makeFinding, makeTransaction, rng } from '../support/lakeGenerator.js';
import { recordingLogger } from '../support/silentLogger.js';

const start = new Date('2026-02-10T08:00:00Z');
const window = { from: start, to: new Date(start.getTime() + 3_600_000) };
const r = rng(3);
const valid = (i: number) => makeTransaction(r, i, new Date(start.getTime() + i * 1000));
const line = (x: unknown) => JSON.stringify(x);

// Records that break the shared schema, the field the report must name, and the reason it gives.
const BROKEN: [string, (i: number) => unknown, string][] = [
  ['negative amount', (i) => ({ ...valid(i), transaction_amt: -5 }), 'transaction_amt: not above 0'],
  ['unknown outcome', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, outcome: 'maybe' } }; }, 'fd.outcome: not an allowed value'],
  ['invalid email', (i) => ({ ...valid(i), email_address: 'not-an-email' }), 'email_address: invalid format (email)'],
  ['missing decision', (i) => { const { fd: _fd, ...t } = valid(i); return t; }, 'fd: required'],
  ['event_time not ISO-8601', (i) => ({ ...valid(i), event_time: '10/02/2026 08:00' }), 'event_time: invalid format (date-time)'],
  ['amount above the maximum', (i) => ({ ...valid(i), transaction_amt: 250_000 }), 'transaction_amt: above 100000'],
  ['bad IP address', (i) => ({ ...valid(i), ip_address: '999.1.1.1' }), 'ip_address: invalid format (ipv4 or ipv6)'],
  ['unknown category', (i) => ({ ...valid(i), product_category: 'crypto' }), 'product_category: not an allowed value'],
  ['fractional score', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, score: 912.5 } }; }, 'fd.score: not an integer'],
  ['score out of range', (i) => { const t = valid(i); return { ...t, fd: { ...t.fd, score: 1001 } }; }, 'fd.score: above 1000'],
];

describe('Report over bad lake data', () => {
  it.each(BROKEN)('the shared zod schema also rejects: %s', (_name, make, reason) => {
    const parsed = parseWith('ScoredTransaction', ScoredTransactionSchema, make(1));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(reason.startsWith(`${parsed.error.field}:`)).toBe(true);
  });

  it('reports each truncated or corrupt object and each invalid record, skips them, and still renders', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-bad-'));
    const store = new FsObjectStore(dataDir);
    const dir = 'processed/dt=2026-02-10/hour=08';
    const good = Array.from({ length: 50 }, (_, i) => valid(i));
    const mixed = [...Array.from({ length: 20 }, (_, i) => valid(100 + i)), ...BROKEN.map(([, make], k) => make(200 + k))];
    await store.put('lake', `${dir}/transactions-0-0.jsonl`, good.map(line).join('\n') + '\n');
    await store.put('lake', `${dir}/transactions-1-0.jsonl`, mixed.map(line).join('\n') + '\n');
    const truncated = Array.from({ length: 10 }, (_, i) => line(valid(300 + i))).join('\n');
    await store.put('lake', `${dir}/transactions-2-0.jsonl`, truncated.slice(0, truncated.length - 40));
    await store.put('lake', `${dir}/transactions-3-0.jsonl`, new Uint8Array([0x1f, 0x8b, 0x08, 0, 0xde, 0xad, 0xbe, 0xef, 10, 0x00, 0xff, 10]));
    const finding = (i: number) => makeFinding(r, i, new Date(start.getTime() + i * 60_000));
    await store.put('lake', 'compliance/dt=2026-02-10/a1.json', line(finding(1)));
    await store.put('lake', 'compliance/dt=2026-02-10/b2.json', line({ ...finding(2), verdict: 'maybe' }));
    await store.put('lake', 'compliance/dt=2026-02-10/c3.json', line(finding(3)).slice(0, 50));
    const logger = recordingLogger();

    // Act
    const { path, report } = await runReport({ dataDir, window, logger });

    // Assess: only the 50 good + 20 valid rows of the mixed object count
    expect(report.results.kpis.totals![0]!.transactions).toBe(70);
    const rejected = report.results.rejected;
    expect(rejected.filter((x) => x.reason === MALFORMED && x.object.startsWith('processed/')).map((x) => x.object).sort())
      .toEqual([`${dir}/transactions-2-0.jsonl`, `${dir}/transactions-3-0.jsonl`]);
    const records = rejected.filter((x) => x.object === `${dir}/transactions-1-0.jsonl`);
    expect(records.map((x) => x.reason).sort()).toEqual(BROKEN.map(([, , reason]) => reason).sort());
    expect(records.every((x) => x.records === 1)).toBe(true);
    expect(rejected.filter((x) => x.object.startsWith('compliance/'))).toEqual([
      { object: 'compliance/dt=2026-02-10/b2.json', reason: 'verdict: not an allowed value', records: 1 },
      { object: 'compliance/dt=2026-02-10/c3.json', reason: MALFORMED, records: 1 },
    ]);
    expect(report.results.kpis.documents_by_verdict!.reduce((n, x) => n + (x.n as number), 0)).toBe(1);
    expect(logger.lines.filter((l) => l.level === 'warn' && l.message === 'skipped lake data')).toHaveLength(rejected.length);
    const html = await readFile(path, 'utf8');
    expect(html).toContain('transactions-3-0.jsonl');
    expect(html).toContain('fd.outcome: not an allowed value');
  });

  it('an empty lake renders an empty dashboard', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-empty-'));
    const { path, report } = await runReport({ dataDir, window, logger: recordingLogger() });
    expect(report.results.kpis.totals![0]!.transactions).toBe(0);
    expect(await readFile(path, 'utf8')).toContain('<canvas>');
  });
});
