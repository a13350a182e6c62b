import type { CaseDecision, ReviewCase } from '@sfc/shared';

/** A case with its decision, if one was recorded, and when the decision's label reached the labels topic. */
export interface CaseRecord {
  case?: ReviewCase;
  decision?: CaseDecision;
  labelSentAt?: string;
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
  decision?: CaseDecision['label'];
}

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
  markLabelSent(caseId: string, at: string): Promise<void>;
  /** Every recorded decision (for export), in no particular order. */
  decisions(): Promise<CaseDecision[]>;
}
