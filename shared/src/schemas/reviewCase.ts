import { z } from 'zod';
import { FRAUD_LABEL_VALUES } from './fraudLabel.js';
import { LakeTransactionSchema } from './lakeTransaction.js';
import { OUTCOMES } from './scoredTransaction.js';

/** Most earlier transactions and earlier case ids a case carries (bounded: a case is one small item). */
export const MAX_CASE_HISTORY = 20;

const text = (max: number) => z.string().trim().min(1).max(max);
const iso = z.iso.datetime({ offset: true });

/**
 * The transaction as a case holds it: the lake's pseudonymised row (tokens and masked display forms,
 * free text scrubbed, the decision with its reasons and matched rules), never the raw personal values,
 * whatever LAKE_PII says. A case store is operational, read by analysts: raw access is a separate,
 * audited path (npm run reidentify), not a field here.
 */
export const CaseTransactionSchema = LakeTransactionSchema.omit({
  customer_name: true, email_address: true, phone: true, billing_street: true, ip_address: true,
});

/** One earlier transaction of the same customer, as much as an analyst needs to see the pattern. */
export const CaseHistoryItemSchema = z.object({
  event_id: text(64),
  event_time: iso,
  transaction_amt: z.number().nonnegative(),
  transaction_currency: z.string().min(1),
  product_category: z.string().min(1),
  merchant: z.string().max(1024).optional(),
  outcome: z.enum(OUTCOMES),
  score: z.number().int().min(0).max(1000),
});

/**
 * A review case: one per scored event that needs a person (every `review`, and every `block` when
 * CASES_FOR_BLOCK=true). Its id is the event id, so creating it twice (a retried or replayed batch)
 * finds the first: stores create it exclusively. Immutable once created; the decision is a separate
 * record (CaseDecision), also written once.
 */
export const ReviewCaseSchema = z.object({
  case_id: text(64),
  event_id: text(64),
  entity_id: text(64),
  /** transactionFingerprint of the event: a reused event id for another transaction is reported, not merged. */
  content: z.string().regex(/^[0-9a-f]{64}$/),
  outcome: z.enum(['review', 'block']),
  created_at: iso,
  transaction: CaseTransactionSchema,
  /** The customer's transactions just before this one that act saw in the same batch, newest first. */
  history: z.array(CaseHistoryItemSchema).max(MAX_CASE_HISTORY),
  /** Ids of the customer's earlier cases (newest first), as the store's entity index knew them at creation. */
  earlier_cases: z.array(text(64)).max(MAX_CASE_HISTORY),
  /** The event's values of the label-feedback keys (FraudLabel.variables), so a decision's label can feed them. */
  label_variables: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});

/** Who decided what, when, and how it came in: the audit record of a decision, written once. */
export const CaseDecisionSchema = z.object({
  case_id: text(64),
  entity_id: text(64),
  label: z.enum(FRAUD_LABEL_VALUES),
  /** LABEL_TIMESTAMP: when the truth became known (the analyst's decision time, or the imported row's). */
  label_time: iso,
  /** When the decision was recorded. */
  decided_at: iso,
  analyst: text(128),
  note: z.string().max(2000).optional(),
  source: z.enum(['analyst', 'import']),
  /** What the analyst chose on the review page: `approve` (let it through) and `legit` both label legit. */
  action: z.enum(['approve', 'legit', 'fraud']).optional(),
  /** False for an imported label whose event had no case. */
  had_case: z.boolean(),
});

/**
 * An escalation: an analyst hands an open case on (to a senior, to another team) with a note; the case
 * stays open and is flagged. Appended, never changed; a decided case takes none.
 */
export const CaseEscalationSchema = z.object({
  case_id: text(64),
  analyst: text(128),
  at: iso,
  note: text(2000),
});

export type CaseTransaction = z.infer<typeof CaseTransactionSchema>;
export type CaseHistoryItem = z.infer<typeof CaseHistoryItemSchema>;
export type ReviewCase = z.infer<typeof ReviewCaseSchema>;
export type CaseDecision = z.infer<typeof CaseDecisionSchema>;
export type CaseEscalation = z.infer<typeof CaseEscalationSchema>;
