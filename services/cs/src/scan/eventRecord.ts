import { decodeS3Key } from '@sfc/shared';
import type { UploadRef } from './scanDocument.js';

/** What one record of an S3 event asks of the scan, checked before anything is read or copied. */
export type EventRecord =
  /** Another event type or another bucket: not ours. */
  | { kind: 'skip' }
  /** `eventTimeProblem` is set when the record's time was unusable and the scan time partitions its finding instead. */
  | { kind: 'scan'; upload: UploadRef; eventTime: Date | null; eventTimeProblem?: string }
  /** Cannot be scanned: the object cannot be named. `rawKey` is the key as the event carried it (mask it before logging). */
  | { kind: 'malformed'; reason: string; rawKey: string | null };

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Reads one record defensively: every field the scan needs is checked here, so a broken record is
 * reported on its own and never stops its siblings or leaves a copy half-made. A key that is not
 * valid URL encoding (`%E0%A4%A`) names no object; a bad `eventTime` only loses the lake partition
 * day, so the document is still scanned and the finding is filed under its scan time.
 */
export function parseEventRecord(record: unknown, uploadsBucket: string): EventRecord {
  const r = (record ?? {}) as { eventName?: unknown; eventTime?: unknown; s3?: { bucket?: { name?: unknown }; object?: Record<string, unknown> } };
  if (!isString(r.eventName) || !r.eventName.startsWith('ObjectCreated') || r.s3?.bucket?.name !== uploadsBucket) return { kind: 'skip' };
  const o = r.s3.object ?? {};
  const rawKey = isString(o.key) ? o.key : null;
  if (rawKey === null || rawKey === '') return { kind: 'malformed', reason: 's3.object.key: missing', rawKey };
  let key: string;
  try {
    key = decodeS3Key(rawKey);
  } catch {
    return { kind: 'malformed', reason: 's3.object.key: not valid URL encoding, so no object can be named', rawKey };
  }
  for (const field of ['versionId', 'eTag'] as const) {
    if (o[field] !== undefined && o[field] !== null && !isString(o[field])) return { kind: 'malformed', reason: `s3.object.${field}: not a string`, rawKey };
  }
  const upload: UploadRef = { bucket: uploadsBucket, key, versionId: (o.versionId as string | undefined) || null, etag: (o.eTag as string | undefined) || null };
  const time = isString(r.eventTime) ? new Date(r.eventTime) : null;
  if (time && !Number.isNaN(time.getTime())) return { kind: 'scan', upload, eventTime: time };
  return { kind: 'scan', upload, eventTime: null, eventTimeProblem: `eventTime: ${r.eventTime === undefined ? 'missing' : 'not an ISO-8601 time'}` };
}
