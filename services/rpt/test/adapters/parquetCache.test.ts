import { mkdir, mkdtemp, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { DuckDbSqlEngine } from '../../src/adapters/DuckDbSqlEngine.js';
import { ParquetCache } from '../../src/adapters/duckdb/parquetCache.js';
import { runKpis } from '../../src/report/runKpis.js';
import { MALFORMED } from '../../src/sql/validation.js';
import { writeLake } from '../support/writeLake.js';

// Parallel floating-point sums may differ in the last bits from run to run.
const rounded = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x)));

const start = new Date('2026-04-01T10:00:00Z');
const window = { from: start, to: new Date(start.getTime() + 2 * 3_600_000) };

describe('DuckDbSqlEngine: Parquet cache per partition folder', () => {
  it('reuses cached folders, recomputes a folder whose objects changed, and forgets what was deleted', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'rpt-cache-'));
    const store = new FsObjectStore(dir);
    const { keys } = await writeLake(store, 'lake', { transactions: 3000, findings: 10, start, spanMinutes: 100, rowsPerObject: 500 });
    const cacheDir = join(dir, 'cache');
    const run = async () => {
      const engine = await DuckDbSqlEngine.create({ lakeDir: join(dir, 'lake'), cacheDir });
      try { return await runKpis(engine, window); } finally { await engine.close(); }
    };
    const uncached = await DuckDbSqlEngine.create({ lakeDir: join(dir, 'lake') });
    const direct = await runKpis(uncached, window);
    await uncached.close();

    // Act + Assess: first run fills the cache with the same results as reading the JSON directly
    const first = await run();
    expect(rounded(first.kpis)).toEqual(rounded(direct.kpis));
    const cached = (await readdir(join(cacheDir, 'transactions'))).sort();
    const folders = new Set(keys.filter((k) => k.startsWith('processed/')).map((k) => k.slice(0, k.lastIndexOf('/'))));
    expect(cached).toHaveLength(folders.size);
    expect(folders.size).toBeGreaterThan(1);
    const stamps = async () => Promise.all(cached.map(async (c) => (await stat(join(cacheDir, 'transactions', c)).catch(() => null))?.mtimeMs));
    const before = await stamps();

    // second run reads the cache without rewriting it
    expect(rounded((await run()).kpis)).toEqual(rounded(first.kpis));
    expect(await stamps()).toEqual(before);

    // a rewritten (now truncated) object is recomputed and reported; a deleted one disappears
    // both in the first folder; the other folders must stay cached as they are
    const [changed, deleted] = keys.filter((k) => k.startsWith(`${[...folders].sort()[0]}/`));
    const body = new TextDecoder().decode((await store.get('lake', changed!))!);
    await store.put('lake', changed!, body.slice(0, body.length - 30));
    await store.delete('lake', deleted!);
    const third = await run();
    expect(third.rejected).toEqual([{ object: changed, reason: MALFORMED, records: 1 }]);
    expect(third.kpis.totals![0]!.transactions).toBe(3000 - 1000);
    const after = (await readdir(join(cacheDir, 'transactions'))).sort();
    expect(after).toHaveLength(cached.length);
    expect(after.filter((c) => !cached.includes(c))).toHaveLength(1);
  });

  it('answers the first report from memory and fills the cache only at close, leaving no staging folder', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'rpt-cache-'));
    await writeLake(new FsObjectStore(dir), 'lake', { transactions: 1200, findings: 5, start, spanMinutes: 100, rowsPerObject: 300 });
    const cacheDir = join(dir, 'cache');
    const engine = await DuckDbSqlEngine.create({ lakeDir: join(dir, 'lake'), cacheDir });
    // Act
    const first = await runKpis(engine, window);
    const beforeClose = await readdir(join(cacheDir, 'transactions')).catch(() => []);
    const again = await runKpis(engine, window);
    await engine.close();
    // Assess
    expect(first.kpis.totals![0]!.transactions).toBe(1200);
    expect(rounded(again.kpis)).toEqual(rounded(first.kpis));
    expect(beforeClose.filter((e) => e.startsWith('cache_id='))).toEqual([]);
    const after = await readdir(join(cacheDir, 'transactions'));
    expect(after.length).toBeGreaterThan(1);
    expect(after.every((e) => e.startsWith('cache_id='))).toBe(true);
  });

  it('ignores a staging folder a crashed write left, and sweeps it once it is an hour old', async () => {
    // Prepare: a complete-looking entry inside a staging folder, as a crash after COPY would leave it
    const dir = await mkdtemp(join(tmpdir(), 'rpt-cache-'));
    await writeLake(new FsObjectStore(dir), 'lake', { transactions: 600, findings: 2, start, spanMinutes: 60, rowsPerObject: 300 });
    const cacheDir = join(dir, 'cache');
    const cache = new ParquetCache(cacheDir);
    const { commit } = await cache.stage('transactions', 'unused', new Map());
    await commit(); // nothing staged: a commit leaves nothing behind
    expect(await readdir(join(cacheDir, 'transactions'))).toEqual([]);
    const stale = join(cacheDir, 'transactions', '.staging-crashed', 'cache_id=abc');
    await mkdir(stale, { recursive: true });
    await writeFile(join(stale, 'data_0.parquet'), 'not parquet');
    // Act
    const engine = await DuckDbSqlEngine.create({ lakeDir: join(dir, 'lake'), cacheDir });
    const results = await runKpis(engine, window);
    await engine.close();
    expect(await cache.present('transactions')).not.toContain('abc');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await utimes(join(cacheDir, 'transactions', '.staging-crashed'), old, old);
    await cache.stage('transactions', 'unused', new Map());
    // Assess
    expect(results.kpis.totals![0]!.transactions).toBe(600);
    expect((await readdir(join(cacheDir, 'transactions'))).filter((e) => e === '.staging-crashed')).toEqual([]);
  });
});
