import { z } from 'zod';
import { TOKEN_PATTERN } from '../pseudonym/pseudonymiser.js';
import { ScoredTransactionSchema } from './scoredTransaction.js';

/** Fields of a transaction that identify a person, and the kind of value each holds. */
export const LAKE_PII_FIELDS = {
  customer_name: 'name',
  email_address: 'email',
  phone: 'phone',
  billing_street: 'street',
  ip_address: 'ip',
} as const;

/** Free-text fields: scrubbed of card numbers always, of e-mails and custom identifiers when tokenised. */
export const LAKE_FREE_TEXT_FIELDS = ['customer_job', 'user_agent', 'merchant', 'billing_city', 'billing_state', 'billing_zip'] as const;

const token = z.string().regex(TOKEN_PATTERN).nullable();
const shown = (max: number) => z.string().max(max);
// A scrubbed text can be longer than the original: an e-mail or custom identifier becomes a 39-character token.
const freeText = z.string().min(1).max(1024);
const s = ScoredTransactionSchema.shape;

/**
 * One row of the lake's transactions table: the scored transaction with every personal value replaced
 * by a token (`<field>_token`, null when that kind is configured display-only) and a masked display
 * form, free text scrubbed, and the billing coordinates rounded to 2 decimals (about 1 km). The raw
 * values appear only when the deployment sets LAKE_PII=raw (then both forms are written). Card numbers
 * never appear: card_bin is the issuer's 6-8 digit prefix, and PAN-like digit runs in free text are
 * masked in every mode.
 */
export const LakeTransactionSchema = ScoredTransactionSchema.omit({
  customer_name: true, email_address: true, phone: true, billing_street: true, ip_address: true,
  customer_job: true, user_agent: true, merchant: true, billing_city: true, billing_state: true, billing_zip: true,
}).extend({
  customer_job: freeText,
  user_agent: freeText,
  merchant: freeText.optional(),
  billing_city: freeText,
  billing_state: freeText,
  billing_zip: freeText,
  customer_name_token: token,
  customer_name_masked: shown(128),
  email_address_token: token,
  email_address_masked: shown(254),
  phone_token: token,
  phone_masked: shown(32),
  billing_street_token: token,
  ip_address_token: token,
  ip_address_masked: shown(64),
  // LAKE_PII=raw only: the lake's readers then need the same clearance as the source system's.
  customer_name: s.customer_name.optional(),
  email_address: s.email_address.optional(),
  phone: s.phone.optional(),
  billing_street: s.billing_street.optional(),
  ip_address: s.ip_address.optional(),
});

export type LakeTransaction = z.infer<typeof LakeTransactionSchema>;
