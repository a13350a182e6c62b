import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface LakeObject {
  /** Absolute path of the object's file. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** Every JSON / JSON Lines object under `dir` (recursively), sorted by path; none when `dir` is missing. */
export async function lakeObjects(dir: string): Promise<LakeObject[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const files = names.filter((n) => n.endsWith('.jsonl') || n.endsWith('.json')).sort();
  return Promise.all(files.map(async (n) => {
    const path = join(dir, n);
    const s = await stat(path);
    return { path, size: s.size, mtimeMs: s.mtimeMs };
  }));
}
