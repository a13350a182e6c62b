import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { runReport } from '../../src/local/runReport.js';
import { BAD_LAKE_START, BAD_LAKE_WINDOW } from '../support/badLake.js';
import { makeFinding, makeTransaction, rng } from '../support/lakeGenerator.js';
import { recordingLogger } from '../support/silentLogger.js';

const r = rng(7);
const tx = (i: number) => JSON.stringify(makeTransaction(r, i, new Date(BAD_LAKE_START.getTime() + i * 1000)));
const finding = (i: number) => JSON.stringify(makeFinding(r, i, new Date(BAD_LAKE_START.getTime() + i * 60_000)));

/** One object put where the partition layout has no place for it, and the reason the report must give. */
const MISPLACED: [string, string, string, RegExp][] = [
  ['a .jsonl directly under processed/', 'processed/stray.jsonl', `${tx(900)}\n${tx(901)}\n`, /^outside the partition layout \(dt=\.\.\.\/hour=\.\.\.\/<object>\.json or \.jsonl\)$/],
  ['a dt= folder without hour=', 'processed/dt=2026-02-10/no-hour.jsonl', `${tx(902)}\n`, /^outside the partition layout/],
  ['a stray file under compliance/', 'compliance/stray.json', finding(9), /^outside the partition layout \(dt=\.\.\.\/<object>\.json or \.jsonl\)$/],
];

describe('Report over a lake with objects outside the partition layout', () => {
  it.each(MISPLACED)('skips and reports %s, and still renders the rest', async (_name, key, body, reason) => {
    // Prepare: a good hour of transactions, one good finding, and the misplaced object
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-misplaced-'));
    const store = new FsObjectStore(dataDir);
    await store.put('lake', 'processed/dt=2026-02-10/hour=08/transactions-0-0.jsonl', Array.from({ length: 30 }, (_, i) => tx(i)).join('\n') + '\n');
    await store.put('lake', 'compliance/dt=2026-02-10/a1.json', finding(1));
    await store.put('lake', key, body);
    const logger = recordingLogger();

    // Act
    const { path, report, summary } = await runReport({ dataDir, window: BAD_LAKE_WINDOW, logger });

    // Assess: the good data counts, the misplaced object is named with why and how many records it held
    expect(report.results.kpis.totals![0]!.transactions).toBe(30);
    expect(report.results.kpis.documents_by_verdict!.reduce((n, x) => n + (x.n as number), 0)).toBe(1);
    expect(report.results.rejected).toHaveLength(1);
    const [skipped] = report.results.rejected;
    expect(skipped!.object).toBe(key);
    expect(skipped!.reason).toMatch(reason);
    expect(skipped!.records).toBe(body.split('\n').filter((l) => l !== '').length);
    expect(summary.find((s) => s.metric === 'skipped objects / records')!.value).toBe(`1 / ${skipped!.records}`);
    expect(logger.lines.filter((l) => l.level === 'warn' && l.message === 'skipped lake data')).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toContain(key.split('/').pop());
  });

  it('names a partition folder whose value no engine could place', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-misplaced-'));
    const store = new FsObjectStore(dataDir);
    await store.put('lake', 'processed/dt=2026-02-10/hour=08/transactions-0-0.jsonl', `${tx(1)}\n`);
    await store.put('lake', 'processed/dt=yesterday/hour=08/x.jsonl', `${tx(2)}\n`);
    const { report } = await runReport({ dataDir, window: BAD_LAKE_WINDOW, logger: recordingLogger() });
    expect(report.results.kpis.totals![0]!.transactions).toBe(1);
    expect(report.results.rejected).toEqual([{ object: 'processed/dt=yesterday/hour=08/x.jsonl', reason: 'partition dt=yesterday is not a valid dt value', records: 1 }]);
  });
});
