import type { CaseRecord } from '../cases/CaseStore.js';
import type { Role } from './accounts.js';

/**
 * Transaction fields every role sees: what happened, and why it was flagged. Anything else in a case's
 * transaction (the masked name, e-mail, phone, IP, their tokens, billing address and coordinates, job,
 * device) is personal data, shown to `senior` only. A list of what is shown, not of what is hidden: a
 * field added to the lake's row later is withheld until someone decides otherwise.
 */
export const NON_PERSONAL_FIELDS = new Set(['event_id', 'entity_id', 'event_time', 'transaction_amt', 'transaction_currency', 'product_category', 'card_bin', 'merchant', 'fd']);
export const WITHHELD = '[withheld: your role does not see personal data]';

/** A case as a role may see it, with the names of the fields withheld; `labelDone` says what a sent label's mark means (LabelSink.done). */
export function caseView(r: CaseRecord, role: Role, labelDone = 'sent'): Record<string, unknown> {
  const c = r.case!;
  const withheld: string[] = [];
  const transaction: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.transaction)) {
    if (role === 'senior' || NON_PERSONAL_FIELDS.has(k)) transaction[k] = v;
    else if (v !== undefined && v !== null) { transaction[k] = WITHHELD; withheld.push(k); }
  }
  return {
    ...c, transaction, withheld,
    decision: r.decision ?? null, label_sent_at: r.labelSentAt ?? null, escalations: r.escalations ?? [],
    label_status: !r.decision ? null : r.labelSentAt ? `${labelDone} (${r.labelSentAt})` : 'pending: not sent yet, retried at the next refresh',
  };
}
