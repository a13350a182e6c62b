import { z } from 'zod';

/** How much of a rejected record's bytes the DLQ keeps; the full record stays in its source topic. */
export const DLQ_MAX_ORIGINAL_BYTES = 64 * 1024;

export const DlqRecordSchema = z.object({
  source: z.object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    offset: z.string(),
    timestamp: z.number().optional(),
  }),
  key: z.string().nullable(),
  /** The original value, base64, cut to DLQ_MAX_ORIGINAL_BYTES. */
  original_base64: z.string(),
  original_bytes: z.number().int().nonnegative(),
  original_truncated: z.boolean(),
  original_sha256: z.string().length(64),
  error: z.object({
    /**
     * `decode`: not JSON, or a malformed Kafka record (value, key or timestamp of the wrong type);
     * `schema`: fails the record's schema; `size`: over MAX_RECORD_BYTES; `window`: valid, but
     * event_time too far from when the record reached Kafka to score live; `conflict`: an `event_id`
     * already scored in the replay window with different content (an event id is an idempotency key).
     */
    kind: z.enum(['decode', 'schema', 'size', 'window', 'conflict']),
    field: z.string().nullable(),
    reason: z.string(),
  }),
  failed_at: z.iso.datetime(),
  stage: z.string(),
});

export type DlqRecord = z.infer<typeof DlqRecordSchema>;
