import type { Outcome } from '@sfc/shared';

/** Score thresholds (0-1000) that turn a score into an outcome, like Amazon Fraud Detector rules. */
export interface OutcomeRules {
  block: number;
  review: number;
}

export function decide(score: number, rules: OutcomeRules): Outcome {
  if (score >= rules.block) return 'block';
  if (score >= rules.review) return 'review';
  return 'approve';
}
