import { mkdir, readFile, rename, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ObjectInfo, ObjectStore } from '../ports/ObjectStore.js';
import { AdapterError } from '../errors.js';
import { sha256Hex } from '../util/hash.js';

/** Buckets as folders under `root` (`<root>/<bucket>/<key>`); writes are atomic (temp file + rename). */
export class FsObjectStore implements ObjectStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of an object; rejects keys that would escape the bucket. */
  pathOf(bucket: string, key: string): string {
    const base = join(this.root, bucket);
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) throw new AdapterError('FsObjectStore', `key escapes bucket ${bucket}: ${key}`);
    return path;
  }

  async put(bucket: string, key: string, body: Uint8Array | string): Promise<ObjectInfo> {
    const path = this.pathOf(bucket, key);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, path);
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    return { bucket, key, size, sha256: sha256Hex(body) };
  }

  async get(bucket: string, key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.pathOf(bucket, key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new AdapterError('FsObjectStore', `read ${bucket}/${key} failed`, { cause: err });
    }
  }

  async head(bucket: string, key: string): Promise<ObjectInfo | null> {
    const body = await this.get(bucket, key);
    return body === null ? null : { bucket, key, size: body.byteLength, sha256: sha256Hex(body) };
  }

  async delete(bucket: string, key: string): Promise<void> {
    await rm(this.pathOf(bucket, key), { force: true });
  }

  async list(bucket: string, prefix = ''): Promise<string[]> {
    const base = join(this.root, bucket);
    const exists = await stat(base).then(() => true, () => false);
    if (!exists) return [];
    const entries = await readdir(base, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
      .map((e) => relative(base, join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((k) => k.startsWith(prefix))
      .sort();
  }
}
