import { makeIdempotent, type IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { transactionFingerprint, type Notifier, type ScoredTransaction } from '@sfc/shared';
import { TxnError } from '../errors.js';
import { fraudAlert } from './fraudAlert.js';
import { PublishCoalescer, type PublishSlot } from './PublishCoalescer.js';

/** Where sent alerts are remembered: a Powertools persistence layer (DynamoDB in AWS, files locally). */
export interface AlertLedger {
  store: BasePersistenceLayer;
  /** Keyed on `[event_id, content]` (ALERT_KEY); how long a sent alert is remembered (`expiresAfterSeconds`) lives here too. */
  config: IdempotencyConfig;
}

/** What the ledger records per alert: the event id and the transaction's content fingerprint (a type, not an interface: Powertools takes JSON objects). */
export type AlertPayload = {
  event_id: string;
  /** transactionFingerprint: a reused event id for another transaction is another alert. */
  content: string;
  tx: ScoredTransaction;
};

/** The ledger's key (a JMESPath over AlertPayload). */
export const ALERT_KEY = '[event_id, content]';

export const alertPayload = (tx: ScoredTransaction): AlertPayload => ({ event_id: tx.event_id, content: transactionFingerprint(tx), tx });

export interface AlertResult {
  /** Alerts published by this call. */
  sent: number;
  /** Blocks whose alert an earlier attempt already sent: skipped. */
  suppressed: number;
}

/** Idempotency records written concurrently, and the PublishBatch calls they feed, per round. */
const ROUND = 100;

/**
 * Publishes one alert per blocked transaction, exactly once across retries: Powertools Idempotency
 * records each transaction, by `event_id` and content fingerprint (in progress before the publish,
 * completed after it; a decision's timings are not part of it, so a replay is the same), so a retried batch
 * skips what was sent and a partial SNS failure re-sends only the failed entries. The records of a
 * round are written concurrently and its alerts published together (SNS: PublishBatch calls of 10).
 * Without a ledger, alerts are at least once.
 */
export async function sendAlertsOnce(blocked: ScoredTransaction[], notifier: Notifier, ledger?: AlertLedger): Promise<AlertResult> {
  if (!ledger) {
    if (blocked.length > 0) await notifier.publishMany(blocked.map(fraudAlert));
    return { sent: blocked.length, suppressed: 0 };
  }
  let sent = 0;
  const failures: unknown[] = [];
  for (let start = 0; start < blocked.length; start += ROUND) {
    const round = blocked.slice(start, start + ROUND);
    // One publishMany per round, once every record is decided (SNS splits it into PublishBatch calls of 10).
    const coalescer = new PublishCoalescer(notifier, round.length, round.length);
    const alertOnce = makeIdempotent(async ({ tx }: AlertPayload, slot: PublishSlot) => {
      await slot.submit(fraudAlert(tx));
      sent += 1;
      return { alerted_at: new Date().toISOString() };
    }, { persistenceStore: ledger.store, config: ledger.config });
    const settled = await Promise.allSettled(round.map((tx) => {
      const slot = coalescer.slot();
      return alertOnce(alertPayload(tx), slot).finally(() => slot.release());
    }));
    for (const s of settled) if (s.status === 'rejected') failures.push(s.reason);
  }
  if (failures.length > 0) {
    const first = failures[0] as Error;
    // In progress elsewhere, a store or SNS hiccup: retrying the batch sends only what is still unsent.
    throw new TxnError(`${failures.length} of ${blocked.length} alerts not sent (${sent} sent now): ${first.name}: ${first.message}`, { cause: first, retriable: true });
  }
  return { sent, suppressed: blocked.length - sent };
}
