import { createMetrics } from '@sfc/shared/observability/metrics.js';
import { loadTxnConfig } from '../config.js';
import { queueStats, recordCaseAgeing, type QueueStats } from '../cases/ageing.js';
import { caseStoreFrom } from '../cases/caseStoreFrom.js';

const metrics = createMetrics('txn');

/**
 * EventBridge schedule (every 15 minutes) -> the review queue's age: open cases, those open longer
 * than CASE_MAX_AGE_HOURS (CasesOverAge, alarmed in operations.yml) and the oldest one's age, as EMF.
 * Reads the open cases' listings (a Query of CasesTable's by_status index).
 */
export async function handler(): Promise<QueueStats | { skipped: string }> {
  const c = loadTxnConfig();
  const store = await caseStoreFrom(c);
  if (!store) return { skipped: 'CASES_STORE=none' };
  const stats = queueStats(await store.list({ open: true, limit: Number.MAX_SAFE_INTEGER }), [], new Date(), c.CASE_MAX_AGE_HOURS);
  recordCaseAgeing(stats, metrics);
  metrics.publishStoredMetrics();
  return stats;
}
