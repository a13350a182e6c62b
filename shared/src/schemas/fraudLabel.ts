import { z } from 'zod';

export const FRAUD_LABEL_VALUES = ['fraud', 'legit'] as const;

/**
 * A label for an event already scored, as the case system or a chargeback feed reports it (the
 * `fraud_labels` topic). Fraud labels feed the label-feedback features (known frauds per customer and
 * per merchant); `variables` carries the event's values of the model's aggregation keys, named as in
 * the transaction (e.g. `{ "merchant": "m-000042" }`), since the label arrives long after the event.
 */
export const FraudLabelSchema = z.object({
  event_id: z.string().trim().min(1).max(64),
  entity_id: z.string().trim().min(1).max(64),
  label: z.enum(FRAUD_LABEL_VALUES),
  /** When the label became known (LABEL_TIMESTAMP in Amazon Fraud Detector's terms). */
  label_time: z.iso.datetime({ offset: true }),
  variables: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** Where the label came from: `analyst` (a review case decided), `import` (a label CSV), or a feed's own name. */
  source: z.string().trim().min(1).max(32).regex(/^[a-z0-9_-]+$/).optional(),
});

export type FraudLabel = z.infer<typeof FraudLabelSchema>;
