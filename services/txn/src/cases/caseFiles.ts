import { randomBytes } from 'node:crypto';
import { link, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** File name of an id: ids are at most 64 characters of any kind, so they are percent-encoded (and '.' too, never '..'). */
export const fileName = (id: string): string => encodeURIComponent(id).replace(/\./g, '%2E');
export const idOf = (name: string): string => decodeURIComponent(name);

/**
 * Writes `path` only if it does not exist, atomically: the content goes to a temporary file first and
 * is then hard-linked into place (link fails with EEXIST when the name is taken), so a reader never
 * sees a half-written file and of two concurrent writers exactly one wins.
 */
export async function createExclusive(path: string, content: string): Promise<boolean> {
  const tmp = join(dirname(path), `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  await writeFile(tmp, content, { flush: true });
  try {
    await link(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
