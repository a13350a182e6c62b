import type { Transaction } from '@sfc/shared';
import type { VariableType } from '../eventType/variableTypes.js';

/**
 * Amazon Fraud Detector's variable name and type for each Transaction field: the default event type
 * of the live pipeline, the columns of our training CSV, and the variables of GetEventPrediction.
 */
export const AFD_VARIABLES = {
  transaction_amt: ['order_price', 'PRICE'],
  email_address: ['customer_email', 'EMAIL_ADDRESS'],
  ip_address: ['ip_address', 'IP_ADDRESS'],
  transaction_currency: ['payment_currency', 'CURRENCY_CODE'],
  billing_street: ['billing_street', 'BILLING_ADDRESS_L1'],
  billing_city: ['billing_city', 'BILLING_CITY'],
  billing_state: ['billing_state', 'BILLING_STATE'],
  billing_zip: ['billing_zip', 'BILLING_ZIP'],
  billing_latitude: ['billing_latitude', 'NUMERIC'],
  billing_longitude: ['billing_longitude', 'NUMERIC'],
  user_agent: ['user_agent', 'USERAGENT'],
  card_bin: ['card_bin', 'CARD_BIN'],
  customer_name: ['customer_name', 'BILLING_NAME'],
  product_category: ['product_category', 'PRODUCT_CATEGORY'],
  customer_job: ['customer_job', 'CATEGORICAL'],
  phone: ['phone', 'PHONE_NUMBER'],
  merchant: ['merchant', 'CATEGORICAL'],
} as const satisfies Partial<Record<keyof Transaction, readonly [string, VariableType]>>;

export type MappedField = keyof typeof AFD_VARIABLES;
export const MAPPED_FIELDS = Object.keys(AFD_VARIABLES) as MappedField[];

/** AFD's reserved event metadata columns of a training CSV. */
export const AFD_METADATA = ['EVENT_ID', 'EVENT_TIMESTAMP', 'ENTITY_ID', 'ENTITY_TYPE', 'EVENT_LABEL', 'LABEL_TIMESTAMP'] as const;

/** The transaction's variables as AFD's eventVariables map (all values are strings in AFD; absent ones left out). */
export function toAfdVariables(tx: Transaction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of MAPPED_FIELDS) {
    const value = tx[field];
    if (value !== undefined) out[AFD_VARIABLES[field][0]] = String(value);
  }
  return out;
}
