import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface LakeObject {
  /** Absolute path of the object's file. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** An object under a table's prefix that is not where the partition layout puts objects. */
export interface MisplacedObject {
  path: string;
  reason: string;
  /** Its non-empty lines: the records the report leaves out by skipping it. */
  records: number;
}

/** Values a partition folder must hold to be one the report (and Athena's projection) can place. */
const PARTITION_VALUE: Record<string, RegExp> = { dt: /^\d{4}-\d{2}-\d{2}$/, hour: /^\d{2}$/ };

/**
 * Why `relative` (a path under the table's prefix) is not `<p1>=v/<p2>=v/.../<object>.json[l]`, or
 * undefined when it is. Athena's partition projection reads only those locations, and DuckDB's hive
 * reader fails the whole query on a file without the partition folders, so anything else is skipped.
 */
export function misplacedReason(relative: string, partitions: string[]): string | undefined {
  const parts = relative.split(sep).join('/').split('/');
  const layout = `${partitions.map((p) => `${p}=.../`).join('')}<object>.json or .jsonl`;
  if (parts.length !== partitions.length + 1) return `outside the partition layout (${layout})`;
  for (const [i, p] of partitions.entries()) {
    const [name, ...rest] = (parts[i] ?? '').split('=');
    const value = rest.join('=');
    if (name !== p || rest.length === 0) return `outside the partition layout (${layout}): folder ${JSON.stringify(parts[i])} is not ${p}=...`;
    if (PARTITION_VALUE[p] && !PARTITION_VALUE[p].test(value)) return `partition ${p}=${value} is not a valid ${p} value`;
  }
  return undefined;
}

const isObject = (n: string) => n.endsWith('.jsonl') || n.endsWith('.json');

/**
 * Every JSON / JSON Lines object under `dir` (recursively), sorted by path, split into those in the
 * partition layout and the misplaced ones (with why); none when `dir` is missing.
 */
export async function lakeObjects(dir: string, partitions: string[] = []): Promise<{ objects: LakeObject[]; misplaced: MisplacedObject[] }> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const files = names.filter(isObject).sort();
  const objects: LakeObject[] = [];
  const misplaced: MisplacedObject[] = [];
  for (const n of files) {
    const path = join(dir, n);
    const s = await stat(path);
    if (!s.isFile()) continue;
    const reason = misplacedReason(n, partitions);
    if (reason === undefined) objects.push({ path, size: s.size, mtimeMs: s.mtimeMs });
    else misplaced.push({ path, reason, records: (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '').length });
  }
  return { objects, misplaced };
}
