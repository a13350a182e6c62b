import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '@sfc/shared';
import { VARIABLE_TYPES, type VariableType } from '../eventType/variableTypes.js';
import type { ListMetadata, ListStore } from './ListStore.js';

const ListFileSchema = z.object({
  name: z.string(),
  variableType: z.enum(VARIABLE_TYPES),
  description: z.string().optional(),
  elements: z.array(z.string()),
});

/**
 * Lists as one JSON file each, `<dir>/<name>.json`, replaced atomically (write, then rename) so a
 * reader never sees half a list. The version is the file's inode, size and modification time: scoring
 * stats the files before every batch, so a change is seen by the next batch.
 */
export class FileListStore implements ListStore {
  constructor(readonly dir: string) {}

  private path(name: string) { return join(this.dir, `${name}.json`); }

  private async version(name: string): Promise<string | undefined> {
    const s = await stat(this.path(name)).catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err; });
    return s && `${s.ino}:${s.size}:${s.mtimeMs}`;
  }

  async versions(names: string[]) {
    return new Map(await Promise.all(names.map(async (n) => [n, await this.version(n)] as const)));
  }

  async read(name: string) {
    const path = this.path(name);
    // Version first: a file replaced between the two calls is read again on the next refresh.
    const version = await this.version(name);
    if (version === undefined) throw new ConfigError(`list ${name}`, `does not exist (${path}); create it with: npm run lists -- create ${name} --type <VARIABLE_TYPE>`);
    const parsed = ListFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) throw new ConfigError(`list ${name}`, `${path}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    const { elements, ...rest } = parsed.data;
    return { meta: { ...rest, version }, elements };
  }

  async list(): Promise<ListMetadata[]> {
    const files = await readdir(this.dir).catch(() => [] as string[]);
    const out: ListMetadata[] = [];
    for (const f of files.filter((x) => x.endsWith('.json')).sort()) out.push((await this.read(f.slice(0, -5))).meta);
    return out;
  }

  private async write(name: string, variableType: VariableType, description: string | undefined, elements: string[]) {
    await mkdir(this.dir, { recursive: true });
    const tmp = `${this.path(name)}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ name, variableType, ...(description ? { description } : {}), elements })}\n`);
    await rename(tmp, this.path(name));
  }

  async create(name: string, variableType: VariableType, description?: string) {
    if (await this.version(name)) throw new ConfigError(`list ${name}`, `already exists (${this.path(name)})`);
    await this.write(name, variableType, description, []);
  }

  async append(name: string, elements: string[]) {
    const { meta, elements: current } = await this.read(name);
    const set = new Set(current);
    const before = set.size;
    for (const e of elements) set.add(e);
    if (set.size !== before) await this.write(name, meta.variableType, meta.description, [...set]);
    return set.size - before;
  }

  async remove(name: string, elements: string[]) {
    const { meta, elements: current } = await this.read(name);
    const set = new Set(current);
    const before = set.size;
    for (const e of elements) set.delete(e);
    if (set.size !== before) await this.write(name, meta.variableType, meta.description, [...set]);
    return before - set.size;
  }
}
