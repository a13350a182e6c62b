import type { DecodedMskRecord, Transaction } from '@sfc/shared';
import type { Decoded } from './decode.js';

/** How far a live transaction's event_time may be from when it reached Kafka; 0 = no bound that way. */
export interface EventTimeWindow {
  /** Largest lead of event_time over the reference (clock skew of the source). */
  maxAheadMs: number;
  /** Largest lag of event_time behind the reference (late delivery, backfills). */
  maxAgeMs: number;
}

const span = (ms: number) => (ms >= 86_400_000 ? `${(ms / 86_400_000).toFixed(1)} days` : `${(ms / 60_000).toFixed(1)} minutes`);

/**
 * A valid transaction, or the reason its event_time is implausible for live scoring: too far ahead
 * of, or behind, the Kafka record's timestamp (a record without a plausible one never gets here: it is
 * dead-lettered as malformed or stale, since its ttdf could not be measured). Such an
 * event would count in the wrong history windows and land in a partition no report reads, so it is
 * dead-lettered instead of scored and folded into the entity state. Batch scoring of historical CSV
 * files does not pass here.
 */
export function withinEventTimeWindow(decoded: Decoded<Transaction>, record: DecodedMskRecord, window: EventTimeWindow | undefined): Decoded<Transaction> {
  if (!decoded.ok || !window) return decoded;
  const reference = record.timestamp;
  const delta = Date.parse(decoded.value.event_time) - reference;
  const against = `the record's Kafka timestamp ${new Date(reference).toISOString()}`;
  const fail = (reason: string): Decoded<Transaction> => ({ ok: false, kind: 'window', field: 'event_time', reason: `event_time ${decoded.value.event_time} is ${reason}` });
  if (window.maxAheadMs > 0 && delta > window.maxAheadMs) return fail(`${span(delta)} ahead of ${against} (EVENT_TIME_MAX_AHEAD_MINUTES=${window.maxAheadMs / 60_000})`);
  if (window.maxAgeMs > 0 && -delta > window.maxAgeMs) return fail(`${span(-delta)} behind ${against} (EVENT_TIME_MAX_AGE_DAYS=${window.maxAgeMs / 86_400_000})`);
  return decoded;
}
