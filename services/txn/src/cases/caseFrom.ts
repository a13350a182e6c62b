import { CaseTransactionSchema, transactionFingerprint, type CaseHistoryItem, type LakeTransaction, type ReviewCase, type ScoredTransaction } from '@sfc/shared';

/**
 * The label-feedback keys a case carries for its label (FraudLabel.variables). The merchant is the
 * shipped model's labelled key and is no personal data; personal keys (e-mail domain, IP address) are
 * not kept in cases, so a model labelled on them gets no feedback from case decisions (README).
 */
export const CASE_LABEL_KEYS = ['merchant'] as const;

export const historyItem = (tx: ScoredTransaction, row: LakeTransaction): CaseHistoryItem => ({
  event_id: tx.event_id, event_time: tx.event_time, transaction_amt: tx.transaction_amt, transaction_currency: tx.transaction_currency,
  product_category: tx.product_category, ...(row.merchant !== undefined ? { merchant: row.merchant } : {}), outcome: tx.fd.outcome, score: tx.fd.score,
});

/** A case for one scored event: its lake row without any raw personal value, plus bounded context. */
export function caseFrom(tx: ScoredTransaction, row: LakeTransaction, history: CaseHistoryItem[], earlierCases: string[], now: Date): ReviewCase {
  const labelVariables: Record<string, string | number> = {};
  for (const k of CASE_LABEL_KEYS) if (tx[k] !== undefined) labelVariables[k] = tx[k];
  return {
    case_id: tx.event_id, event_id: tx.event_id, entity_id: tx.entity_id, content: transactionFingerprint(tx),
    outcome: tx.fd.outcome === 'block' ? 'block' : 'review', created_at: now.toISOString(),
    // strip(): whatever LAKE_PII wrote, the raw personal fields are not part of a case.
    transaction: CaseTransactionSchema.strip().parse(row),
    history, earlier_cases: earlierCases, label_variables: labelVariables,
  };
}
