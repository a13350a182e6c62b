import type { Transaction } from '@sfc/shared';

/**
 * Amazon Fraud Detector's variable names for each Transaction field: the one mapping used for the
 * training CSV, for reading a team's own labelled events, and for GetEventPrediction.
 */
export const AFD_VARIABLES = {
  transaction_amt: 'order_price',
  email_address: 'customer_email',
  ip_address: 'ip_address',
  transaction_currency: 'payment_currency',
  billing_street: 'billing_street',
  billing_city: 'billing_city',
  billing_state: 'billing_state',
  billing_zip: 'billing_zip',
  billing_latitude: 'billing_latitude',
  billing_longitude: 'billing_longitude',
  user_agent: 'user_agent',
  card_bin: 'card_bin',
  customer_name: 'customer_name',
  product_category: 'product_category',
  customer_job: 'customer_job',
  phone: 'phone',
} as const satisfies Partial<Record<keyof Transaction, string>>;

/** AFD's reserved event metadata columns of a training CSV. */
export const AFD_METADATA = ['EVENT_ID', 'EVENT_TIMESTAMP', 'ENTITY_ID', 'ENTITY_TYPE', 'EVENT_LABEL', 'LABEL_TIMESTAMP'] as const;

export const AFD_CSV_COLUMNS = [...AFD_METADATA, ...Object.values(AFD_VARIABLES)] as const;

/** The transaction's variables as AFD's eventVariables map (all values are strings in AFD). */
export function toAfdVariables(tx: Transaction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, variable] of Object.entries(AFD_VARIABLES)) out[variable] = String(tx[field as keyof typeof AFD_VARIABLES]);
  return out;
}
