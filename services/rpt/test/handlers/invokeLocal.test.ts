import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FsObjectStore } from '@sfc/shared';
import { writeLake } from '../support/writeLake.js';

const SERVICE = fileURLToPath(new URL('../../', import.meta.url));

describe('report handler via `serverless invoke local`', () => {
  it('bundles the handler, runs it on DuckDB + fs with the scheduled event, and writes the dashboard', async () => {
    // Prepare: two hours of data ending now (the event's window is the last 24 hours)
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-invoke-'));
    await writeLake(new FsObjectStore(dataDir), 'lake', { transactions: 1200, findings: 12, start: new Date(Date.now() - 2 * 3_600_000), spanMinutes: 110 });

    // Act
    const { stdout } = await promisify(execFile)('npx', ['serverless', 'invoke', 'local', '--stage', 'local', '-f', 'report', '--path', 'events/schedule.json'], {
      cwd: SERVICE,
      env: { ...process.env, SQL_ENGINE: 'duckdb', OBJECT_STORE: 'fs', DATA_DIR: dataDir, LOG_LEVEL: 'warn', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
      maxBuffer: 16 * 1024 * 1024,
    });

    // Assess
    const result = JSON.parse(stdout.slice(stdout.indexOf('{\n'))) as { object: { bucket: string; key: string }; summary: { metric: string; value: string }[] };
    expect(result.object).toMatchObject({ bucket: 'reports', key: 'dashboard.html' });
    expect(result.summary.find((r) => r.metric === 'transactions')?.value).toBe('1,200');
    expect(await readFile(join(dataDir, 'reports', 'dashboard.html'), 'utf8')).toContain('Chart.js');
  }, 120_000);
});
