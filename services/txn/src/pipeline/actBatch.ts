import { ScoredTransactionSchema, type DecodedMskRecord, type LakeTransaction, type Logger, type Notifier, type ObjectStore, type Outcome, type OutgoingMessage, type PiiPolicy, type ScoredTransaction, type TopicProducer, toLakeTransaction } from '@sfc/shared';
import { sendAlertsOnce, type AlertLedger } from '../alerts/sendAlertsOnce.js';
import { createCases, type CaseSettings } from '../cases/createCases.js';
import { deadLetter } from './deadLetter.js';
import { decodeRecord } from './decode.js';
import { lakeObjectKey, lakePartition } from './lakeKeys.js';

export interface ActDeps {
  store: ObjectStore;
  notifier: Notifier;
  /** Remembers sent alerts so a retried batch does not alert twice; absent: at least once. */
  ledger?: AlertLedger;
  producer: TopicProducer;
  lake: { bucket: string; prefix: string };
  /** Tokens and masking of personal values before they reach the lake (LakeTransaction). */
  pii: PiiPolicy;
  /** Review cases (See "Review cases"); absent: none are created. */
  cases?: CaseSettings;
  dlqTopic: string;
  maxRecordBytes: number;
  logger: Logger;
}

export interface ActSummary {
  received: number;
  written: number;
  objects: string[];
  /** Alerts published by this invocation. */
  alerts: number;
  /** Blocks whose alert an earlier attempt had already sent. */
  alertsSuppressed: number;
  /** Review cases created by this invocation, and those an earlier attempt had already created. */
  casesCreated: number;
  casesExisting: number;
  deadLettered: number;
  /** Written transactions by outcome, and their time to detect fraud (for metrics). */
  outcomes: Record<Outcome, number>;
  ttdfMs: number[];
}

/**
 * Acts on scored transactions: writes them to the lake (one object per source partition and lake
 * partition, keyed by first offset, so retries overwrite), pseudonymised (toLakeTransaction), and then alerts on
 * every block, once (alerts mask PII themselves); creates a review case, once, for every review
 * (and block, by setting).
 */
export async function actBatch(records: DecodedMskRecord[], deps: ActDeps): Promise<ActSummary> {
  const groups = new Map<string, { key: string; lines: string[] }>();
  const blocked: ScoredTransaction[] = [];
  const dlq: OutgoingMessage[] = [];
  const outcomes: Record<Outcome, number> = { approve: 0, review: 0, block: 0 };
  const ttdfMs: number[] = [];
  // Every scored row with its lake form: cases take their transaction and the customer's history from it.
  const rows: { tx: ScoredTransaction; row: LakeTransaction }[] = [];
  for (const record of records) {
    const decoded = decodeRecord('ScoredTransaction', ScoredTransactionSchema, record, deps.maxRecordBytes);
    if (!decoded.ok) {
      dlq.push(deadLetter(record, 'act', decoded, new Date()));
      continue;
    }
    const tx = decoded.value;
    const group = `${record.topic}/${record.partition}/${lakePartition(tx.event_time)}`;
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { key: lakeObjectKey(deps.lake.prefix, tx.event_time, record.topic, record.partition, record.offset), lines: [] }));
    const row = toLakeTransaction(tx, deps.pii);
    g.lines.push(JSON.stringify(row));
    if (deps.cases) rows.push({ tx, row });
    outcomes[tx.fd.outcome] += 1;
    ttdfMs.push(tx.fd.ttdf_ms);
    if (tx.fd.outcome === 'block') blocked.push(tx);
  }
  await Promise.all([...groups.values()].map((g) => deps.store.put(deps.lake.bucket, g.key, `${g.lines.join('\n')}\n`, { contentType: 'application/x-ndjson' })));
  // Alerts go out only after the lake holds the batch: a failure here retries the batch, whose lake
  // writes then overwrite themselves, and whose alerts already sent are skipped by the ledger.
  // Cases likewise: created exclusively by event id, so a retry creates only those still missing.
  const cases = deps.cases ? await createCases(rows, deps.cases, deps.logger) : { created: 0, existing: 0 };
  const alerts = await sendAlertsOnce(blocked, deps.notifier, deps.ledger);
  if (dlq.length > 0) {
    await deps.producer.send(deps.dlqTopic, dlq);
    deps.logger.warn('dead-lettered scored records', { count: dlq.length });
  }
  const written = [...groups.values()].reduce((n, g) => n + g.lines.length, 0);
  return {
    received: records.length, written, objects: [...groups.values()].map((g) => g.key), alerts: alerts.sent,
    alertsSuppressed: alerts.suppressed, casesCreated: cases.created, casesExisting: cases.existing, deadLettered: dlq.length, outcomes, ttdfMs,
  };
}
