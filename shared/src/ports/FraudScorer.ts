import type { Transaction } from '../schemas/transaction.js';
import type { Outcome } from '../schemas/scoredTransaction.js';

/** A model's verdict on one transaction, before outcome rules are applied. */
export interface FraudScore {
  /** 0-1000, Amazon Fraud Detector's scale. */
  score: number;
  /** Plain-language reasons, most important first; may be empty for low scores. */
  reasons: string[];
  /** Set by scorers that decide outcomes themselves (Amazon Fraud Detector rules); else rules apply. */
  outcome?: Outcome;
  /** With `outcome`: the detector rules that matched (AFD's ruleResults). */
  ruleResults?: { ruleId: string; ruleVersion?: string; outcomes: string[] }[];
  /**
   * Set when the transaction was not scored: its `event_id` was already scored (in the replay window,
   * or earlier in the batch) for a transaction with other content. The pipeline dead-letters it.
   */
  conflict?: { field: string; reason: string };
}

export interface ScoredBatch {
  scores: FraudScore[];
  modelVersion: string;
  /** Wall time spent in the model for the whole batch. */
  modelTimeMs: number;
}

/** Scores transactions in order; implementations may keep per-entity state between calls. */
export interface FraudScorer {
  scoreBatch(transactions: Transaction[]): Promise<ScoredBatch>;
}
