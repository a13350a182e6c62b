import { maskEmail, maskName, type FraudAlert, type Notification, type ScoredTransaction } from '@sfc/shared';

/** The alert for a blocked transaction: identifiers, amount, decision and reasons; PII masked. */
export function fraudAlert(tx: ScoredTransaction): Notification {
  const body: FraudAlert = {
    event_id: tx.event_id,
    entity_id: tx.entity_id,
    event_time: tx.event_time,
    transaction_amt: tx.transaction_amt,
    transaction_currency: tx.transaction_currency,
    outcome: tx.fd.outcome,
    score: tx.fd.score,
    reasons: tx.fd.reasons,
    customer: maskName(tx.customer_name),
    email: maskEmail(tx.email_address),
  };
  return {
    subject: `Fraud ${tx.fd.outcome}: ${tx.transaction_amt.toFixed(2)} ${tx.transaction_currency.toUpperCase()} (${tx.event_id})`,
    body: body as unknown as Record<string, unknown>,
    attributes: { outcome: tx.fd.outcome, product_category: tx.product_category },
  };
}
