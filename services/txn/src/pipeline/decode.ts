import { parseWith, type DecodedMskRecord, type Parsed } from '@sfc/shared';
import type { z } from 'zod';
import type { DlqErrorKind } from './deadLetter.js';

export type Decoded<T> = { ok: true; value: T } | { ok: false; kind: DlqErrorKind; field: string | null; reason: string };

/** Bytes -> validated record, or the reason it is not one (size, not JSON, schema). */
export function decodeRecord<S extends z.ZodType>(name: string, schema: S, record: DecodedMskRecord, maxBytes: number): Decoded<z.infer<S>> {
  if (record.malformed) return { ok: false, kind: 'decode', field: record.malformed.field, reason: record.malformed.reason };
  if (record.value.byteLength > maxBytes) {
    return { ok: false, kind: 'size', field: null, reason: `record of ${record.value.byteLength} bytes exceeds MAX_RECORD_BYTES=${maxBytes}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(record.value.toString('utf8'));
  } catch (err) {
    return { ok: false, kind: 'decode', field: null, reason: `not JSON: ${(err as Error).message}` };
  }
  const parsed: Parsed<z.infer<S>> = parseWith(name, schema, json);
  return parsed.ok ? parsed : { ok: false, kind: 'schema', field: parsed.error.field, reason: parsed.error.message };
}
