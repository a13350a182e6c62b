import type { LakeTransaction, Logger, ScoredTransaction } from '@sfc/shared';
import { TxnError } from '../errors.js';
import { caseFrom, historyItem } from './caseFrom.js';
import type { CaseStore } from './CaseStore.js';

export interface CaseSettings {
  store: CaseStore;
  /** CASES_FOR_BLOCK: blocks become cases too. */
  forBlock: boolean;
  /** CASES_HISTORY: earlier transactions and earlier case ids per case. */
  history: number;
}

export interface CaseResult {
  created: number;
  /** Cases an earlier attempt (a retry, a replay, a concurrent invocation) had already created. */
  existing: number;
  /** Existing cases of the same event id whose transaction differs (a reused event id): kept, logged. */
  conflicts: number;
}

/** Concurrent case writes per invocation (DynamoDB: one conditional PutItem each). */
const CONCURRENCY = 16;

/**
 * Creates one case per event that needs a person, exactly once: the case id is the event id and the
 * store creates exclusively, so a retried, replayed or concurrently processed batch finds the cases of
 * the first attempt. Context is bounded and cheap: the customer's transactions before this one in the
 * same batch (act sees a partition's records in order; the lake holds the rest) and the ids of the
 * customer's earlier cases from the store's entity index. A failed write fails the batch (retriable):
 * the retry overwrites its lake objects and creates only the cases still missing.
 */
export async function createCases(batch: { tx: ScoredTransaction; row: LakeTransaction }[], s: CaseSettings, logger: Logger, now = new Date()): Promise<CaseResult> {
  const byEntity = new Map<string, { tx: ScoredTransaction; row: LakeTransaction }[]>();
  for (const item of batch) {
    let list = byEntity.get(item.tx.entity_id);
    if (!list) byEntity.set(item.tx.entity_id, (list = []));
    list.push(item);
  }
  const result: CaseResult = { created: 0, existing: 0, conflicts: 0 };
  const failures: unknown[] = [];
  const entities = [...byEntity.values()].filter((items) => items.some(({ tx }) => needsCase(tx, s.forBlock)));
  const work = async (items: { tx: ScoredTransaction; row: LakeTransaction }[]) => {
    items.sort((a, b) => Date.parse(a.tx.event_time) - Date.parse(b.tx.event_time));
    let earlier: string[] | undefined;
    for (const [i, { tx, row }] of items.entries()) {
      if (!needsCase(tx, s.forBlock)) continue;
      earlier ??= await s.store.casesOf(tx.entity_id, s.history + 1);
      const history = items.slice(Math.max(0, i - s.history), i).reverse().map((h) => historyItem(h.tx, h.row));
      const c = caseFrom(tx, row, history, earlier.filter((id) => id !== tx.event_id).slice(0, s.history), now);
      const done = await s.store.create(c);
      if (done.created) {
        result.created += 1;
      } else {
        result.existing += 1;
        if (done.content !== undefined && done.content !== c.content) {
          result.conflicts += 1;
          logger.warn('event id reused for another transaction: its case is the first one', { case_id: c.case_id });
        }
      }
      earlier = [c.case_id, ...earlier.filter((id) => id !== c.case_id)];
    }
  };
  for (let i = 0; i < entities.length; i += CONCURRENCY) {
    const settled = await Promise.allSettled(entities.slice(i, i + CONCURRENCY).map(work));
    for (const r of settled) if (r.status === 'rejected') failures.push(r.reason);
  }
  if (failures.length > 0) {
    const first = failures[0] as Error;
    throw new TxnError(`cases: ${failures.length} customers' cases not all written (${result.created} created now): ${first.name}: ${first.message}`, { cause: first, retriable: true });
  }
  return result;
}

export const needsCase = (tx: ScoredTransaction, forBlock: boolean): boolean => tx.fd.outcome === 'review' || (forBlock && tx.fd.outcome === 'block');
