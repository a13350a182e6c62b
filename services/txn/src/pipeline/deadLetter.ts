import { DLQ_MAX_ORIGINAL_BYTES, sha256Hex, type DecodedMskRecord, type DlqRecord, type OutgoingMessage } from '@sfc/shared';

export type DlqErrorKind = DlqRecord['error']['kind'];

/** A DLQ message for a record that could not be processed: where it came from and why. */
export function deadLetter(
  record: DecodedMskRecord,
  stage: string,
  error: { kind: DlqErrorKind; field: string | null; reason: string },
  now: Date,
): OutgoingMessage {
  const truncated = record.value.byteLength > DLQ_MAX_ORIGINAL_BYTES;
  const dlq: DlqRecord = {
    // A malformed record has no timestamp to copy (JSON would turn NaN into null, which the schema refuses).
    source: { topic: record.topic, partition: record.partition, offset: record.offset, ...(Number.isFinite(record.timestamp) ? { timestamp: record.timestamp } : {}) },
    key: record.key,
    original_base64: (truncated ? record.value.subarray(0, DLQ_MAX_ORIGINAL_BYTES) : record.value).toString('base64'),
    original_bytes: record.value.byteLength,
    original_truncated: truncated,
    original_sha256: sha256Hex(record.value),
    error: { kind: error.kind, field: error.field, reason: error.reason },
    failed_at: now.toISOString(),
    stage,
  };
  return { key: record.key, value: JSON.stringify(dlq), headers: { 'error-kind': error.kind, stage } };
}
