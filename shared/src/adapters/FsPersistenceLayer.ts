import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IdempotencyItemAlreadyExistsError, IdempotencyItemNotFoundError } from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';

type Stored = Pick<IdempotencyRecord, 'idempotencyKey' | 'expiryTimestamp' | 'inProgressExpiryTimestamp' | 'responseData' | 'payloadHash'> & { status: string };

/**
 * Powertools idempotency records as one JSON file each under `dir`: the local twin of its
 * DynamoDBPersistenceLayer, with the same rule for taking a key (absent, expired, or in progress
 * past its in-progress expiry). The exclusive create (`wx`) is the conditional put; it holds across
 * processes on one machine, as the act worker and its restarted successor need.
 */
export class FsPersistenceLayer extends BasePersistenceLayer {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly dir: string) {
    super();
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const path = this.pathOf(record.idempotencyKey);
    try {
      await writeFile(path, serialize(record), { flag: 'wx' });
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const existing = await this.read(record.idempotencyKey);
    const now = Date.now();
    const takeable = existing === undefined
      || (existing.expiryTimestamp !== undefined && existing.expiryTimestamp < now / 1000)
      || (existing.getStatus() === 'INPROGRESS' && existing.inProgressExpiryTimestamp !== undefined && existing.inProgressExpiryTimestamp < now);
    if (!takeable) throw new IdempotencyItemAlreadyExistsError(`Failed to put record for already existing idempotency key: ${record.idempotencyKey}`, existing);
    await this.replace(path, record);
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const record = await this.read(idempotencyKey);
    if (!record) throw new IdempotencyItemNotFoundError();
    return record;
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    // In place (no temporary file and rename): only the key's owner updates it, and a reader that
    // catches the write half done treats the record as in progress, which is what it still is.
    await writeFile(this.pathOf(record.idempotencyKey), serialize(record));
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    await unlink(this.pathOf(record.idempotencyKey)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private pathOf(key: string): string {
    // Keys hold base64 ('/', '+'): a hex digest makes a safe, fixed-length file name.
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  private async read(key: string): Promise<IdempotencyRecord | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathOf(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    let s: Stored;
    try {
      s = JSON.parse(text) as Stored;
    } catch {
      // A file caught mid-write (created, or being updated) by another attempt: it holds the key.
      return new IdempotencyRecord({ idempotencyKey: key, status: 'INPROGRESS' });
    }
    return new IdempotencyRecord({ ...s, status: s.status as never });
  }

  private async replace(path: string, record: IdempotencyRecord): Promise<void> {
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, serialize(record));
    await rename(tmp, path);
  }
}

function serialize(r: IdempotencyRecord): string {
  const stored: Stored = {
    idempotencyKey: r.idempotencyKey, status: r.getStatus(), expiryTimestamp: r.expiryTimestamp,
    inProgressExpiryTimestamp: r.inProgressExpiryTimestamp, responseData: r.responseData, payloadHash: r.payloadHash,
  };
  return JSON.stringify(stored);
}
