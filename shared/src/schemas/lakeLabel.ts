import { z } from 'zod';
import { FraudLabelSchema } from './fraudLabel.js';

/**
 * One row of the lake's labels table: a label as the `label` function received it, without its
 * `variables` (values of aggregation keys, which may be personal: an e-mail domain, an IP). Joined to
 * the transactions table on `event_id`; an event labelled twice keeps both rows, and readers take the
 * latest `label_time` (as Amazon Fraud Detector keeps an event's last label).
 */
export const LakeLabelSchema = FraudLabelSchema.omit({ variables: true }).extend({
  source: FraudLabelSchema.shape.source.unwrap().nullable(),
});

export type LakeLabel = z.infer<typeof LakeLabelSchema>;

export const toLakeLabel = (l: z.infer<typeof FraudLabelSchema>): LakeLabel => ({
  event_id: l.event_id, entity_id: l.entity_id, label: l.label, label_time: l.label_time, source: l.source ?? null,
});
