import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore, LakeTransactionSchema, parseWith } from '@sfc/shared';
import { runReport } from '../../src/local/runReport.js';
import { MALFORMED } from '../../src/sql/validation.js';
import { BAD_LAKE_DIR, BAD_LAKE_WINDOW, BROKEN, writeBadLake } from '../support/badLake.js';
import { recordingLogger } from '../support/silentLogger.js';

const window = BAD_LAKE_WINDOW;
const dir = BAD_LAKE_DIR;

describe('Report over bad lake data', () => {
  it.each(BROKEN)('the shared zod schema also rejects: %s', (_name, make, reason) => {
    const parsed = parseWith('LakeTransaction', LakeTransactionSchema, make(1));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(reason.startsWith(`${parsed.error.field}:`)).toBe(true);
  });

  it('reports each truncated or corrupt object and each invalid record, skips them, and still renders', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-bad-'));
    await writeBadLake(new FsObjectStore(dataDir));
    const logger = recordingLogger();

    // Act
    const { path, report } = await runReport({ dataDir, window, logger });

    // Assess: only the 50 good + 20 valid rows of the mixed object count
    expect(report.results.kpis.totals![0]!.transactions).toBe(70);
    const rejected = report.results.rejected;
    expect(rejected.filter((x) => x.reason === MALFORMED && x.object.startsWith('processed/')).map((x) => x.object).sort())
      .toEqual([`${dir}/transactions-2-0.jsonl`, `${dir}/transactions-3-0.jsonl`]);
    const records = rejected.filter((x) => x.object === `${dir}/transactions-1-0.jsonl`);
    // One entry per (object, reason), counting its records: two records break fd.score the same way.
    const expected = BROKEN.reduce<Record<string, number>>((m, [, , reason]) => ({ ...m, [reason]: (m[reason] ?? 0) + 1 }), {});
    expect(Object.fromEntries(records.map((x) => [x.reason, x.records]))).toEqual(expected);
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
