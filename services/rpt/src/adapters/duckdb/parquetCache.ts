import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { LakeObject } from './lakeObjects.js';
import { sqlString } from '../../sql/Dialect.js';

/**
 * Per-object Parquet cache of a row-by-row relation over lake objects. Lake objects are immutable
 * (act names them by first offset), so an object's validated, narrowed rows are computed once; the
 * id covers the relation's SQL, the key, size and mtime, so any change recomputes. Disposable.
 */
export class ParquetCache {
  constructor(private readonly dir: string) {}

  /** Cache id of `object` under the relation whose SQL template is `template`. */
  idOf(template: string, object: LakeObject): string {
    return createHash('sha256').update(`${template}\n${object.path}\n${object.size}\n${object.mtimeMs}`).digest('hex').slice(0, 32);
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

  /** COPY statement writing `relationSql`'s rows into one Parquet file per object (the relation must expose object_key). */
  copySql(table: string, relationSql: string, ids: Map<string, string>): string {
    const mapping = [...ids].map(([path, id]) => `(${sqlString(path)}, ${sqlString(id)})`).join(', ');
    return `COPY (SELECT r.*, m.cache_id FROM (${relationSql}) r JOIN (VALUES ${mapping}) m(f, cache_id) ON r.object_key = m.f)
    TO ${sqlString(join(this.dir, table))} (FORMAT parquet, PARTITION_BY (cache_id), OVERWRITE_OR_IGNORE true)`;
  }

  /** Parquet files of the given cached objects (exact paths: globbing thousands of patterns is slow). */
  async filesOf(table: string, ids: Iterable<string>): Promise<string[]> {
    const lists = await Promise.all([...ids].map(async (id) => {
      const dir = join(this.dir, table, `cache_id=${id}`);
      return (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.parquet')).map((f) => join(dir, f));
    }));
    return lists.flat();
  }

  /** Drops cached objects that are no longer in the lake (or were cached under an older relation). */
  async prune(table: string, keep: Set<string>): Promise<void> {
    for (const id of await this.present(table)) {
      if (!keep.has(id)) await rm(join(this.dir, table, `cache_id=${id}`), { recursive: true, force: true });
    }
  }
}
