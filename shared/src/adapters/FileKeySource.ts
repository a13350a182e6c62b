import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PseudonymKeySource } from '../ports/PseudonymKeys.js';
import { KeyRingError, nextVersion, parseKeyRing, type KeyRing } from '../pseudonym/keyRing.js';

const newMaterial = () => randomBytes(32).toString('base64url');

/**
 * Keys in a local JSON file (the same shape as the AWS secret), created on first use with mode 0600
 * in a 0700 folder; a file that others may read is refused rather than used. Never commit it: it
 * lives under DATA_DIR, which git ignores. Losing it makes every token unmatchable (not reversible
 * either way), so back it up where the lake's readers cannot read it.
 */
export class FileKeySource implements PseudonymKeySource {
  constructor(readonly where: string) {}

  async load(): Promise<KeyRing> {
    return parseKeyRing(this.readOrCreate(), this.where);
  }

  /** Adds a new version and makes it current; returns it. Older versions stay for matching old tokens. */
  async rotate(): Promise<string> {
    const stored = JSON.parse(this.readOrCreate()) as Record<string, string>;
    const version = nextVersion(Object.keys(stored));
    this.write({ ...stored, [version]: newMaterial(), current: version });
    return version;
  }

  private readOrCreate(): string {
    try {
      const mode = statSync(this.where).mode & 0o777;
      if ((mode & 0o077) !== 0) throw new KeyRingError(this.where, `readable by others (mode ${mode.toString(8)}): chmod 600 it`);
      return readFileSync(this.where, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    try {
      mkdirSync(dirname(this.where), { recursive: true, mode: 0o700 });
      // `wx`: of two processes starting at once, one creates the file and the other reads it.
      writeFileSync(this.where, `${JSON.stringify({ current: 'v1', v1: newMaterial() })}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return readFileSync(this.where, 'utf8');
  }

  private write(stored: Record<string, string>): void {
    const tmp = `${this.where}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(stored)}\n`, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.where);
  }
}
