import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Bump on any change to how features are computed: a model trained on other code must not be served. */
export const FEATURE_CODE_VERSION = 'afd-features-v2';

/** An aggregation key: a variable (or its e-mail domain) whose values keep their own decayed history. */
export const KeySpecSchema = z.object({
  variable: z.string().min(1),
  derive: z.enum(['value', 'domain']).default('value'),
  /** Label feedback: known frauds and fraud rate per value (e.g. per merchant). */
  labels: z.boolean().default(false),
});

/**
 * What a model's features are, beyond its event type: the aggregation keys, whether known frauds per
 * entity are a feature, the label delay assumed in training, and the vocabularies of categorical
 * variables. Saved as `features.json` beside the model with the resulting feature names.
 */
export const FeatureSpecSchema = z.object({
  version: z.string(),
  eventType: z.string(),
  keys: z.array(KeySpecSchema),
  entityLabels: z.boolean(),
  /** Days after an event before its label may be used, unless LABEL_TIMESTAMP says later. */
  labelDelayDays: z.number().nonnegative(),
  /** Values of each categorical variable (and e-mail domain), most frequent first; codes are 1-based ranks. */
  vocabularies: z.record(z.string(), z.array(z.string())),
  names: z.array(z.string()),
  input: z.string().default('features'),
  output: z.string().default('probabilities'),
  score_scale: z.number().default(1000),
});

export type KeySpec = z.infer<typeof KeySpecSchema>;
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

/** A key's name in feature names and state ids: `merchant`, `customer_email.domain`. */
export const keyName = (k: KeySpec): string => (k.derive === 'domain' ? `${k.variable}.domain` : k.variable);

/**
 * Parses `--keys merchant:labels,ip_address,customer_email.domain` (a trailing `:labels` adds label
 * feedback for that key).
 */
export function parseKeys(text: string): KeySpec[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
    const [name, option] = item.split(':');
    if (option !== undefined && option !== 'labels') throw new Error(`--keys ${item}: unknown option "${option}" (only ":labels")`);
    const domain = name!.endsWith('.domain');
    return { variable: domain ? name!.slice(0, -'.domain'.length) : name!, derive: domain ? 'domain' : 'value', labels: option === 'labels' };
  });
}

export const readFeatureSpec = (file: string): FeatureSpec => FeatureSpecSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
