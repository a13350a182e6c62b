import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, OUTCOMES } from '@sfc/shared';
import type { OutcomeRules } from '../scoring/rules.js';

export const RULE_EXECUTION_MODES = ['FIRST_MATCHED', 'ALL_MATCHED'] as const;
export type RuleExecutionMode = (typeof RULE_EXECUTION_MODES)[number];

/** AFD's identifier pattern for detectors, rules and outcomes. */
const ID = /^[0-9a-z_-]+$/;
const id = (what: string) => z.string().min(1).max(64).regex(ID, `${what}: lower-case letters, digits, '_' and '-' (AFD's pattern)`);

/** A rule as `aws frauddetector get-rules` returns it (ruleDetails[]): ruleId, ruleVersion, expression, language, outcomes. */
export const RuleDetailSchema = z.object({
  ruleId: id('ruleId'),
  ruleVersion: z.string().min(1).default('1'),
  detectorId: z.string().optional(),
  description: z.string().max(256).optional(),
  expression: z.string().min(1),
  language: z.literal('DETECTORPL').default('DETECTORPL'),
  outcomes: z.array(id('outcome')).min(1),
});

/**
 * A detector: its rules in order, the execution mode, and what each named outcome means for the
 * pipeline (AFD outcomes are named freely: `verify_customer`, `fraud_deny`, ...). `approve`, `review`
 * and `block` mean themselves. `variables` sets the value a missing variable takes (AFD's defaultValue).
 */
export const DetectorFileSchema = z.object({
  detectorId: id('detectorId').default('txn_detector'),
  description: z.string().optional(),
  /** The model's id in score variables: `$<modelId>_insightscore`; `$insightscore` is the same value. */
  modelId: z.string().regex(/^[0-9a-z_]+$/).default('txn_model'),
  ruleExecutionMode: z.enum(RULE_EXECUTION_MODES).default('FIRST_MATCHED'),
  outcomes: z.record(z.string(), z.enum(OUTCOMES)).default({}),
  variables: z.record(z.string(), z.object({ defaultValue: z.union([z.string(), z.number()]) })).default({}),
  rules: z.array(RuleDetailSchema).min(1).superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.ruleId)) ctx.addIssue({ code: 'custom', path: [i, 'ruleId'], message: `rule ${r.ruleId} appears twice` });
      seen.add(r.ruleId);
    });
  }),
});

export type RuleDetail = z.infer<typeof RuleDetailSchema>;
export type DetectorFile = z.infer<typeof DetectorFileSchema>;

/**
 * The detector used when no DETECTOR_FILE is set: today's two thresholds as two rules, first matched,
 * so decisions are exactly those of `decide` (block at or above `block`, else review at or above `review`).
 */
export function thresholdDetector(t: OutcomeRules): DetectorFile {
  return DetectorFileSchema.parse({
    description: 'the outcome thresholds (BLOCK_THRESHOLD / REVIEW_THRESHOLD, else the model report\'s) as rules',
    rules: [
      { ruleId: 'block_threshold', expression: `$insightscore >= ${t.block}`, outcomes: ['block'] },
      { ruleId: 'review_threshold', expression: `$insightscore >= ${t.review}`, outcomes: ['review'] },
    ],
  });
}

/** Reads a detector file; errors name the file and the field. */
export function readDetectorFile(path: string): DetectorFile {
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(path, 'utf8')); } catch (err) { throw new ConfigError('DETECTOR_FILE', `cannot read ${path}: ${(err as Error).message}`); }
  const parsed = DetectorFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError('DETECTOR_FILE', `${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return parsed.data;
}
