import { z } from 'zod';
import { OUTCOMES } from './scoredTransaction.js';

/** The alert published for each blocked transaction; carries no unmasked PII. */
export const FraudAlertSchema = z.object({
  event_id: z.string(),
  entity_id: z.string(),
  event_time: z.string(),
  transaction_amt: z.number(),
  transaction_currency: z.string(),
  outcome: z.enum(OUTCOMES),
  score: z.number(),
  reasons: z.array(z.string()),
  customer: z.string(),
  email: z.string(),
});

export type FraudAlert = z.infer<typeof FraudAlertSchema>;
