import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LakeObject } from './lakeObjects.js';
import { sqlString } from '../../sql/Dialect.js';

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

  /** Creates the table's cache folder (DuckDB creates the partition folders, not their parents). */
  async prepare(table: string): Promise<void> {
    await mkdir(join(this.dir, table), { recursive: true });
  }

  /** COPY statement writing `relationSql`'s rows into one Parquet folder per cache id (the relation must expose object_key). */
  copySql(table: string, relationSql: string, ids: Map<string, string>): string {
    const mapping = [...ids].map(([path, id]) => `(${sqlString(path)}, ${sqlString(id)})`).join(', ');
    return `COPY (SELECT r.*, m.cache_id FROM (${relationSql}) r JOIN (VALUES ${mapping}) m(f, cache_id) ON r.object_key = m.f)
    TO ${sqlString(join(this.dir, table))} (FORMAT parquet, PARTITION_BY (cache_id), OVERWRITE_OR_IGNORE true)`;
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
