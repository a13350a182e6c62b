import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LakeObject } from './lakeObjects.js';
import { sqlString } from '../../sql/Dialect.js';

const STAGING = '.staging-';

/**
 * Parquet cache of a row-by-row relation over lake objects, one entry per partition folder (an
 * hour of transactions, a day of findings), so thousands of small objects become a few files. Lake
 * objects are immutable (act names them by first offset), so a folder is recomputed only when an
 * object in it appears, changes (size, mtime) or disappears, or the relation's SQL changes. Disposable.
 */
export class ParquetCache {
  constructor(private readonly dir: string) {}

  /** Cache id of every object: the id of its folder's current contents under the relation `template`. */
  idsOf(template: string, objects: LakeObject[]): Map<string, string> {
    const folders = new Map<string, LakeObject[]>();
    for (const o of objects) folders.set(dirname(o.path), [...(folders.get(dirname(o.path)) ?? []), o]);
    const ids = new Map<string, string>();
    for (const [folder, members] of folders) {
      const hash = createHash('sha256').update(`${template}\n${folder}`);
      for (const o of members) hash.update(`\n${o.path}\n${o.size}\n${o.mtimeMs}`);
      const id = hash.digest('hex').slice(0, 32);
      for (const o of members) ids.set(o.path, id);
    }
    return ids;
  }

  /** Existing cache ids of a table. */
  async present(table: string): Promise<Set<string>> {
    const entries = await readdir(join(this.dir, table)).catch(() => [] as string[]);
    return new Set(entries.filter((e) => e.startsWith('cache_id=')).map((e) => e.slice('cache_id='.length)));
  }

  /**
   * COPY statement writing the rows of `from` (a relation exposing object_key) into a fresh staging
   * folder, one Parquet folder per cache id; `commit` then moves them into place, `abandon` drops them.
   */
  async stage(table: string, from: string, ids: Map<string, string>): Promise<{ sql: string; commit: () => Promise<void>; abandon: () => Promise<void> }> {
    const staging = join(this.dir, table, `${STAGING}${randomUUID()}`);
    await mkdir(dirname(staging), { recursive: true });
    await this.sweep(table);
    const mapping = [...ids].map(([path, id]) => `(${sqlString(path)}, ${sqlString(id)})`).join(', ');
    const sql = `COPY (SELECT r.*, m.cache_id FROM ${from} r JOIN (VALUES ${mapping}) m(f, cache_id) ON r.object_key = m.f)
    TO ${sqlString(staging)} (FORMAT parquet, PARTITION_BY (cache_id))`;
    // A folder appears under its id only complete (rename), so a crash mid-write leaves no partial entry.
    const abandon = () => rm(staging, { recursive: true, force: true });
    const commit = async () => {
      try {
        for (const entry of await readdir(staging).catch(() => [] as string[])) {
          const target = join(this.dir, table, entry);
          await rm(target, { recursive: true, force: true });
          await rename(join(staging, entry), target);
        }
      } finally {
        await abandon();
      }
    };
    return { sql, commit, abandon };
  }

  /** Removes staging folders a crashed run left behind (an hour old: a concurrent run may still be writing). */
  private async sweep(table: string): Promise<void> {
    for (const entry of await readdir(join(this.dir, table)).catch(() => [] as string[])) {
      if (!entry.startsWith(STAGING)) continue;
      const at = join(this.dir, table, entry);
      const age = Date.now() - ((await stat(at).catch(() => null))?.mtimeMs ?? Date.now());
      if (age > 3_600_000) await rm(at, { recursive: true, force: true });
    }
  }

  /** Parquet files of the given cache entries (exact paths: globbing many patterns is slow). */
  async filesOf(table: string, ids: Iterable<string>): Promise<string[]> {
    const lists = await Promise.all([...ids].map(async (id) => {
      const dir = join(this.dir, table, `cache_id=${id}`);
      return (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.parquet')).map((f) => join(dir, f));
    }));
    return lists.flat();
  }

  /** Drops cache entries no object maps to any more (changed folders, older relations). */
  async prune(table: string, keep: Set<string>): Promise<void> {
    for (const id of await this.present(table)) {
      if (!keep.has(id)) await rm(join(this.dir, table, `cache_id=${id}`), { recursive: true, force: true });
    }
  }
}
