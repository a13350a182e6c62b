import { z } from 'zod';
import { TransactionSchema } from './transaction.js';

export const OUTCOMES = ['approve', 'review', 'block'] as const;

/**
 * Upper bounds of the decision's timings, so one hostile or broken row cannot own a percentile.
 * ttdf: a record waits at most the topics' retention (30 days) and may be re-driven from the
 * failures bucket later; a decision more than a year after its record reached Kafka is no detection
 * time. Per-record processing and model time are a batch's time amortised over its records, and no
 * Lambda invocation runs longer than 15 minutes.
 */
export const MAX_TTDF_MS = 366 * 86_400_000;
export const MAX_RECORD_TIME_MS = 15 * 60_000;

/** What the scorer attaches: the decision, why, and how long it took (milliseconds). */
export const FraudDecisionSchema = z.object({
  outcome: z.enum(OUTCOMES),
  /** Risk score on Amazon Fraud Detector's 0-1000 scale. */
  score: z.number().int().min(0).max(1000),
  model_version: z.string().min(1),
  reasons: z.array(z.string()),
  /** Time to detect fraud: from the transaction's event_time to the decision. */
  ttdf_ms: z.number().nonnegative().max(MAX_TTDF_MS),
  /** Time this record spent in the scorer (decode, validate, features, model, encode), amortised over its batch. */
  proc_time_ms: z.number().nonnegative().max(MAX_RECORD_TIME_MS),
  /** Model inference time, amortised over the batch. */
  model_time_ms: z.number().nonnegative().max(MAX_RECORD_TIME_MS),
  /** The detector rules that matched, as Amazon Fraud Detector's ruleResults (absent: decided without rules). */
  rules: z.array(z.object({ rule_id: z.string().min(1), rule_version: z.string().min(1), outcomes: z.array(z.string()) })).optional(),
  /** The named outcomes of the matched rules (e.g. `verify_customer`), from which `outcome` was taken. */
  outcomes: z.array(z.string()).optional(),
  /** The detector version that decided (`<detector>:<version>`; absent: no detector version was ACTIVE). */
  detector_version: z.string().min(1).optional(),
});

/**
 * What a SHADOW detector version (scored beside the ACTIVE one, our addition to Amazon Fraud Detector)
 * would have decided: the decision's own fields, without timings, and always naming its version.
 * Written to the lake as it is; nothing acts on it (no alert, no case, no label).
 */
export const ShadowDecisionSchema = FraudDecisionSchema.pick({ outcome: true, score: true, model_version: true, reasons: true, rules: true, outcomes: true, detector_version: true })
  .required({ detector_version: true });

export const ScoredTransactionSchema = TransactionSchema.extend({ fd: FraudDecisionSchema, fd_shadow: ShadowDecisionSchema.optional() });

export type Outcome = (typeof OUTCOMES)[number];
export type FraudDecision = z.infer<typeof FraudDecisionSchema>;
export type ShadowDecision = z.infer<typeof ShadowDecisionSchema>;
export type ScoredTransaction = z.infer<typeof ScoredTransactionSchema>;
