import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '@sfc/shared';
import { DetectorVersionBodySchema, VERSION_ID, type DetectorVersion, type DetectorVersionBody } from './detectorVersion.js';
import { applyRollback, applyShadow, applyStatus, EMPTY_STATUS, statusOf, StatusRecordSchema, type DetectorStore, type StatusRecord } from './DetectorStore.js';

const VersionFileSchema = z.object({ createdTime: z.string(), body: DetectorVersionBodySchema });
const DETECTOR_ID = /^[0-9a-z_-]{1,64}$/;

/**
 * Detector versions as files: `<dir>/<detector>/versions/<n>.json` (one per version) and
 * `<dir>/<detector>/status.json` (which one is ACTIVE), each replaced atomically (write, then rename).
 * `score` stats status.json before every batch, so an activation or rollback is used by the next
 * batch. Two CLIs changing one detector at the same moment may lose one change (last writer wins).
 */
export class FileDetectorStore implements DetectorStore {
  constructor(readonly dir: string) {}

  private detectorDir(d: string) {
    if (!DETECTOR_ID.test(d)) throw new ConfigError(`detector ${JSON.stringify(d)}`, 'lower-case letters, digits, \'_\' and \'-\' (AFD\'s pattern), at most 64');
    return join(this.dir, d);
  }
  private versionPath(d: string, v: string) {
    if (!VERSION_ID.test(v)) throw new ConfigError(`detector ${d} version ${JSON.stringify(v)}`, 'a version is a whole number from 1 (AFD\'s detectorVersionId)');
    return join(this.detectorDir(d), 'versions', `${v}.json`);
  }
  private statusPath(d: string) { return join(this.detectorDir(d), 'status.json'); }

  private async replace(path: string, value: unknown) {
    const tmp = `${path}.${randomUUID()}.tmp`;
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`);
    await rename(tmp, path);
  }

  private async readStatus(d: string): Promise<StatusRecord> {
    const path = this.statusPath(d);
    const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err; });
    if (text === undefined) return EMPTY_STATUS;
    const parsed = StatusRecordSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new ConfigError(`detector ${d}`, `${path}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    return parsed.data;
  }

  private async ids(d: string): Promise<string[]> {
    const files = await readdir(join(this.detectorDir(d), 'versions')).catch(() => [] as string[]);
    return files.filter((f) => /^[1-9][0-9]*\.json$/.test(f)).map((f) => f.slice(0, -5)).sort((a, b) => Number(a) - Number(b));
  }

  private async readVersion(d: string, v: string, status: StatusRecord): Promise<DetectorVersion> {
    const path = this.versionPath(d, v);
    const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw new ConfigError(`detector ${d} version ${v}`, `does not exist (${path}); see: npm run detectors -- show ${d}`);
      throw err;
    });
    const parsed = VersionFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new ConfigError(`detector ${d} version ${v}`, `${path}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    return { detectorId: d, detectorVersionId: v, status: statusOf(status, v), body: parsed.data.body, createdTime: parsed.data.createdTime };
  }

  async detectors(): Promise<string[]> {
    const names = await readdir(this.dir, { withFileTypes: true }).catch(() => []);
    return names.filter((e) => e.isDirectory() && DETECTOR_ID.test(e.name)).map((e) => e.name).sort();
  }

  async versions(d: string): Promise<DetectorVersion[]> {
    const status = await this.readStatus(d);
    return Promise.all((await this.ids(d)).map((v) => this.readVersion(d, v, status)));
  }

  async get(d: string, v: string) { return this.readVersion(d, v, await this.readStatus(d)); }

  async create(d: string, body: DetectorVersionBody, preferredId?: string): Promise<DetectorVersion> {
    await mkdir(join(this.detectorDir(d), 'versions'), { recursive: true });
    const parsed = DetectorVersionBodySchema.parse(body);
    const createdTime = new Date().toISOString();
    const taken = await this.ids(d);
    let next = preferredId && !taken.includes(preferredId) ? preferredId : String(Math.max(0, ...taken.map(Number)) + 1);
    // Exclusive create: two creators never share a number; the loser takes the next one.
    for (;;) {
      try {
        await writeFile(this.versionPath(d, next), `${JSON.stringify({ createdTime, body: parsed }, null, 2)}\n`, { flag: 'wx' });
        return { detectorId: d, detectorVersionId: next, status: 'DRAFT', body: parsed, createdTime };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        next = String(Number(next) + 1);
      }
    }
  }

  async update(d: string, v: string, body: DetectorVersionBody) {
    const current = await this.get(d, v);
    if (current.status !== 'DRAFT') throw new ConfigError(`detector ${d} version ${v}`, `is ${current.status}: only DRAFT versions can be changed (create a new one: npm run detectors -- create-version ${d} --from ${v})`);
    await this.replace(this.versionPath(d, v), { createdTime: current.createdTime, body: DetectorVersionBodySchema.parse(body) });
  }

  async setStatus(d: string, v: string, to: 'ACTIVE' | 'INACTIVE') {
    await this.get(d, v); // exists
    const { record, change } = applyStatus(await this.readStatus(d), d, v, to);
    await this.replace(this.statusPath(d), record);
    return change;
  }

  async rollback(d: string) {
    const { record, change } = applyRollback(await this.readStatus(d), d);
    await this.replace(this.statusPath(d), record);
    return change;
  }

  async stamp(d: string): Promise<string | undefined> {
    const s = await stat(this.statusPath(d)).catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err; });
    return s && `${s.ino}:${s.size}:${s.mtimeMs}`;
  }

  async active(d: string): Promise<DetectorVersion | undefined> {
    const status = await this.readStatus(d);
    return status.active ? this.readVersion(d, status.active, status) : undefined;
  }

  async setShadow(d: string, v: string | null) {
    if (v !== null) await this.get(d, v); // exists
    const { record, change } = applyShadow(await this.readStatus(d), d, v);
    await this.replace(this.statusPath(d), record);
    return change;
  }

  async live(d: string) {
    const status = await this.readStatus(d);
    return {
      ...(status.active ? { active: await this.readVersion(d, status.active, status) } : {}),
      ...(status.shadow ? { shadow: await this.readVersion(d, status.shadow, status) } : {}),
    };
  }
}
