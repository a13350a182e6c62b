import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { runReport } from '../../src/local/runReport.js';
import { lastHours } from '../../src/report/generateReport.js';
import { makeFinding, makeTransaction, rng } from '../support/lakeGenerator.js';
import { recordingLogger } from '../support/silentLogger.js';

const HOUR = 3_600_000;

/** A lake as `npm start` leaves it: transactions spread over the days before now, and one finding. */
async function lakeOverDays(now: Date): Promise<{ dataDir: string; total: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rpt-window-'));
  const store = new FsObjectStore(dataDir);
  const r = rng(11);
  let total = 0;
  for (const hoursAgo of [80, 50, 30, 2]) {
    const at = new Date(now.getTime() - hoursAgo * HOUR);
    const rows = Array.from({ length: 10 }, (_, i) => makeTransaction(r, total + i, new Date(at.getTime() + i * 1000)));
    const [day, time] = at.toISOString().split('T');
    await store.put('lake', `processed/dt=${day}/hour=${time!.slice(0, 2)}/transactions-${total}-0.jsonl`, rows.map((x) => JSON.stringify(x)).join('\n') + '\n');
    total += rows.length;
  }
  const found = new Date(now.getTime() - 70 * HOUR);
  await store.put('lake', `compliance/dt=${found.toISOString().slice(0, 10)}/a.json`, JSON.stringify(makeFinding(r, 1, found)));
  return { dataDir, total };
}

describe('local report window', () => {
  it('covers the whole local lake by default, as npm start does', async () => {
    const { dataDir, total } = await lakeOverDays(new Date());

    const { report } = await runReport({ dataDir, env: {}, logger: recordingLogger() });

    expect(report.results.kpis.totals![0]!.transactions).toBe(total);
    expect(report.results.kpis.documents_by_verdict!.reduce((n, x) => n + (x.n as number), 0)).toBe(1);
  });

  it('keeps the last REPORT_WINDOW_HOURS when that is set', async () => {
    const { dataDir } = await lakeOverDays(new Date());
    const { report } = await runReport({ dataDir, env: { REPORT_WINDOW_HOURS: '24' }, logger: recordingLogger() });
    expect(report.results.kpis.totals![0]!.transactions).toBe(10);
  });

  it('says when it replaces a dashboard that covered another window', async () => {
    const { dataDir, total } = await lakeOverDays(new Date());
    const first = await runReport({ dataDir, env: {}, window: lastHours(24), logger: recordingLogger() });
    expect(first.replaced).toBeUndefined();

    const second = await runReport({ dataDir, env: {}, logger: recordingLogger() });

    expect(second.report.results.kpis.totals![0]!.transactions).toBe(total);
    expect(second.replaced).toBe(`${first.report.results.window.from} .. ${first.report.results.window.to}`);
    const third = await runReport({ dataDir, env: {}, logger: recordingLogger() });
    expect(third.replaced).toBeUndefined();
  });
});
