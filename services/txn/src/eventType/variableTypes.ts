/** Amazon Fraud Detector's variable types (VariableEntry.variableType), in its own spelling. */
export const VARIABLE_TYPES = [
  'AUTH_CODE', 'AVS', 'BILLING_ADDRESS_L1', 'BILLING_ADDRESS_L2', 'BILLING_CITY', 'BILLING_COUNTRY', 'BILLING_NAME',
  'BILLING_PHONE', 'BILLING_STATE', 'BILLING_ZIP', 'CARD_BIN', 'CATEGORICAL', 'CURRENCY_CODE', 'EMAIL_ADDRESS',
  'FINGERPRINT', 'FRAUD_LABEL', 'FREE_FORM_TEXT', 'IP_ADDRESS', 'NUMERIC', 'ORDER_ID', 'PAYMENT_TYPE', 'PHONE_NUMBER',
  'PRICE', 'PRODUCT_CATEGORY', 'SHIPPING_ADDRESS_L1', 'SHIPPING_ADDRESS_L2', 'SHIPPING_CITY', 'SHIPPING_COUNTRY',
  'SHIPPING_NAME', 'SHIPPING_PHONE', 'SHIPPING_STATE', 'SHIPPING_ZIP', 'USERAGENT',
] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** AFD's data types; a variable type implies one. */
export const DATA_TYPES = ['STRING', 'INTEGER', 'FLOAT', 'BOOLEAN', 'DATETIME'] as const;
export type DataType = (typeof DATA_TYPES)[number];

/**
 * How a variable of each type becomes features (the way AFD derives features from variable types):
 * - `numeric`: its value; `code`: its rank in a vocabulary learned at training; `email`, `useragent`,
 *   `text`: derived values (domain, digits; scripted client; length);
 * - `seen`: how many of an entity's recent distinct values to remember, for "new for this customer";
 * - `ignore`: identifiers and labels, never features.
 */
export interface TypeTraits {
  dataType: DataType;
  role: 'amount' | 'numeric' | 'code' | 'email' | 'ip' | 'phone' | 'useragent' | 'text' | 'identity' | 'ignore';
  seen: number;
  /** Words for reasons: "new <noun>", "at this <noun>". */
  noun: string;
}

const identity = (noun: string, seen = 2): TypeTraits => ({ dataType: 'STRING', role: 'identity', seen, noun });
const code = (noun: string, seen = 0): TypeTraits => ({ dataType: 'STRING', role: 'code', seen, noun });

export const TYPE_TRAITS: Record<VariableType, TypeTraits> = {
  AUTH_CODE: code('authorisation code'),
  AVS: code('AVS result'),
  BILLING_ADDRESS_L1: identity('billing address'),
  BILLING_ADDRESS_L2: { dataType: 'STRING', role: 'ignore', seen: 0, noun: 'billing address line 2' },
  BILLING_CITY: code('billing city'),
  BILLING_COUNTRY: code('billing country', 2),
  BILLING_NAME: identity('billing name'),
  BILLING_PHONE: { dataType: 'STRING', role: 'phone', seen: 2, noun: 'billing phone number' },
  BILLING_STATE: code('billing state'),
  BILLING_ZIP: identity('billing ZIP code'),
  CARD_BIN: { dataType: 'INTEGER', role: 'numeric', seen: 2, noun: 'card (BIN)' },
  CATEGORICAL: code('value'),
  CURRENCY_CODE: code('currency', 2),
  EMAIL_ADDRESS: { dataType: 'STRING', role: 'email', seen: 2, noun: 'email address' },
  FINGERPRINT: identity('device', 3),
  FRAUD_LABEL: { dataType: 'STRING', role: 'ignore', seen: 0, noun: 'label' },
  FREE_FORM_TEXT: { dataType: 'STRING', role: 'text', seen: 0, noun: 'text' },
  IP_ADDRESS: { dataType: 'STRING', role: 'ip', seen: 4, noun: 'IP address' },
  NUMERIC: { dataType: 'FLOAT', role: 'numeric', seen: 0, noun: 'value' },
  ORDER_ID: { dataType: 'STRING', role: 'ignore', seen: 0, noun: 'order' },
  PAYMENT_TYPE: code('payment type', 2),
  PHONE_NUMBER: { dataType: 'STRING', role: 'phone', seen: 2, noun: 'phone number' },
  PRICE: { dataType: 'FLOAT', role: 'amount', seen: 0, noun: 'amount' },
  PRODUCT_CATEGORY: code('category', 4),
  SHIPPING_ADDRESS_L1: identity('shipping address'),
  SHIPPING_ADDRESS_L2: { dataType: 'STRING', role: 'ignore', seen: 0, noun: 'shipping address line 2' },
  SHIPPING_CITY: code('shipping city'),
  SHIPPING_COUNTRY: code('shipping country', 2),
  SHIPPING_NAME: identity('shipping name'),
  SHIPPING_PHONE: { dataType: 'STRING', role: 'phone', seen: 2, noun: 'shipping phone number' },
  SHIPPING_STATE: code('shipping state'),
  SHIPPING_ZIP: identity('shipping ZIP code'),
  USERAGENT: { dataType: 'STRING', role: 'useragent', seen: 3, noun: 'device (user agent)' },
};

/** Billing/shipping pairs compared for a mismatch feature (AVS-like checks). */
export const ADDRESS_PAIRS: readonly (readonly [VariableType, VariableType, string])[] = [
  ['BILLING_ZIP', 'SHIPPING_ZIP', 'zip'],
  ['BILLING_CITY', 'SHIPPING_CITY', 'city'],
  ['BILLING_STATE', 'SHIPPING_STATE', 'state'],
  ['BILLING_COUNTRY', 'SHIPPING_COUNTRY', 'country'],
  ['BILLING_ADDRESS_L1', 'SHIPPING_ADDRESS_L1', 'address'],
  ['BILLING_NAME', 'SHIPPING_NAME', 'name'],
  ['BILLING_PHONE', 'SHIPPING_PHONE', 'phone'],
];
