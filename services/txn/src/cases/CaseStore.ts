import type { CaseDecision, CaseEscalation, ReviewCase } from '@sfc/shared';

/** A case with its decision, if one was recorded, and when the decision's label reached the labels topic. */
export interface CaseRecord {
  case?: ReviewCase;
  decision?: CaseDecision;
  labelSentAt?: string;
  /** Escalations, oldest first (none: the key is absent). */
  escalations?: CaseEscalation[];
}

/** A case's place in its customer's index: its event time in UTC, then its id (ties between events of one instant). */
export const entityOrder = (c: Pick<ReviewCase, 'case_id' | 'transaction'>): string => `${new Date(c.transaction.event_time).toISOString()}~${c.case_id}`;

/** A case as a listing shows it. */
export interface CaseListing {
  case_id: string;
  entity_id: string;
  outcome: 'review' | 'block';
  created_at: string;
  score: number;
  /** The transaction's amount and currency, and the rules that matched it (the queue's filters). */
  amount: number;
  currency: string;
  rules: string[];
  escalated: boolean;
  decision?: CaseDecision['label'];
  decided_at?: string;
  /** Decided, but its label not marked sent (or applied) yet: retried (decide.ts, resendPending). */
  label_pending?: true;
}

/** A case's listing, from its record. */
export const listingOf = (r: CaseRecord & { case: ReviewCase }): CaseListing => ({
  case_id: r.case.case_id, entity_id: r.case.entity_id, outcome: r.case.outcome, created_at: r.case.created_at, score: r.case.transaction.fd.score,
  amount: r.case.transaction.transaction_amt, currency: r.case.transaction.transaction_currency, rules: (r.case.transaction.fd.rules ?? []).map((x) => x.rule_id),
  escalated: (r.escalations?.length ?? 0) > 0,
  ...(r.decision ? { decision: r.decision.label, decided_at: r.decision.decided_at } : {}),
  ...(r.decision && r.labelSentAt === undefined ? { label_pending: true as const } : {}),
});

/**
 * Where review cases and their decisions live (files under DATA_DIR/cases locally, a DynamoDB table in
 * AWS). Both writes are exclusive: a case is created once per event id, a decision recorded once per
 * case; a second attempt learns what is there instead of overwriting it.
 */
export interface CaseStore {
  /**
   * Creates the case unless its id is taken (by a case, or a decision imported without one): never
   * overwritten; `content` is then the existing case's fingerprint (undefined for a decision alone).
   */
  create(c: ReviewCase): Promise<{ created: true } | { created: false; content?: string }>;
  get(caseId: string): Promise<CaseRecord | undefined>;
  /** Ids of the entity's cases, latest event first, at most `limit`. */
  casesOf(entityId: string, limit: number): Promise<string[]>;
  list(filter: { open?: boolean; limit: number }): Promise<CaseListing[]>;
  /** Records a decision unless one is there; `existing` is the first one. */
  decide(d: CaseDecision): Promise<{ recorded: true } | { recorded: false; existing: CaseDecision }>;
  /** Appends an escalation to an open case; refused (with the decision) once the case is decided. */
  escalate(e: CaseEscalation): Promise<{ recorded: true } | { recorded: false; existing: CaseDecision }>;
  markLabelSent(caseId: string, at: string): Promise<void>;
  /** Every recorded decision (for export), in no particular order. */
  decisions(): Promise<CaseDecision[]>;
}
