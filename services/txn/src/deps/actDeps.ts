import { notifierFrom, objectStoreFrom, piiPolicyFrom } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import { topicsFrom, txnLogger } from '../context.js';
import type { ActDeps } from '../pipeline/actBatch.js';
import { caseSettingsFrom } from '../cases/caseStoreFrom.js';
import { alertLedgerFrom } from './alertLedger.js';

export async function actDepsFrom(c: TxnConfig): Promise<ActDeps> {
  return {
    store: await objectStoreFrom(c),
    notifier: await notifierFrom(c),
    ledger: await alertLedgerFrom(c),
    cases: await caseSettingsFrom(c),
    producer: await topicsFrom(c),
    lake: { bucket: c.LAKE_BUCKET, prefix: c.LAKE_PREFIX },
    // Keys are read once per container (Lambda) or process: a rotation reaches new containers.
    pii: (await piiPolicyFrom(c)).policy,
    dlqTopic: c.DLQ_TOPIC,
    // Scored records carry the original plus a decision: allow them more room than raw input.
    maxRecordBytes: c.MAX_RECORD_BYTES * 2,
    logger: txnLogger(c, 'act'),
  };
}
