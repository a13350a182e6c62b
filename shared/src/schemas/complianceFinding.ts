import { z } from 'zod';

export const VERDICTS = ['pii', 'clean', 'quarantine'] as const;

export const EntityFindingSchema = z.object({
  type: z.string().min(1),
  page: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
  recognizer: z.string().min(1),
  /** The matched text with its characters masked; never the raw value. */
  masked: z.string(),
});

/** The record written beside every routed document: what was found where, and how long it took. */
export const ComplianceFindingSchema = z.object({
  source: z.object({ bucket: z.string(), key: z.string() }),
  destination: z.object({ bucket: z.string(), key: z.string() }).nullable(),
  sha256: z.string().length(64),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  verdict: z.enum(VERDICTS),
  quarantine_reason: z.string().nullable(),
  entities: z.array(EntityFindingSchema),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  model_version: z.string(),
  timings_ms: z.object({
    download: z.number().nonnegative(),
    extract: z.number().nonnegative(),
    detect: z.number().nonnegative(),
    route: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  scanned_at: z.iso.datetime(),
});

export type Verdict = (typeof VERDICTS)[number];
export type EntityFinding = z.infer<typeof EntityFindingSchema>;
export type ComplianceFinding = z.infer<typeof ComplianceFindingSchema>;
