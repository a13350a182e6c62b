import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ObjectInfo, ObjectStat, ObjectStore } from '../ports/ObjectStore.js';
import { AdapterError } from '../errors.js';
import { sha256Hex } from '../util/hash.js';

/** A temporary name no other write of this process or another one uses: two writes of one key within the same millisecond used to share one and fail (ENOENT on the second rename). */
const tmpSuffix = (): string => `${process.pid}.${randomUUID()}.tmp`;

/**
 * Buckets as folders under `root` (`<root>/<bucket>/<key>`); writes are atomic (temp file + rename).
 * Folders keep no versions: a versionId is ignored (the current file is the only version), and the
 * ETag is the content's MD5, as S3 gives for a single-part upload, so callers can still tell that an
 * object was replaced.
 */
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
    const tmp = `${path}.${tmpSuffix()}`;
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

  async stat(bucket: string, key: string): Promise<ObjectStat | null> {
    const path = this.pathOf(bucket, key);
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw new AdapterError('FsObjectStore', `stat ${bucket}/${key} failed`, { cause: err });
    });
    if (!info?.isFile()) return null;
    // streamed, so a large object never sits in memory
    const md5 = createHash('md5');
    for await (const chunk of createReadStream(path)) md5.update(chunk as Buffer);
    return { bucket, key, size: info.size, etag: md5.digest('hex'), versionId: null };
  }

  async copy(from: { bucket: string; key: string }, to: { bucket: string; key: string }): Promise<ObjectStat> {
    const target = this.pathOf(to.bucket, to.key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${tmpSuffix()}`;
    await copyFile(this.pathOf(from.bucket, from.key), tmp).catch((err: unknown) => {
      throw new AdapterError('FsObjectStore', `copy ${from.bucket}/${from.key} failed`, { cause: err });
    });
    await rename(tmp, target);
    return (await this.stat(to.bucket, to.key))!;
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
