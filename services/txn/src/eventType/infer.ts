import { isIsoCurrency } from '@sfc/shared';
import { AFD_METADATA } from '../afd/variables.js';
import { EventTypeSchema, type EventType } from './schema.js';
import type { VariableType } from './variableTypes.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const IPV6 = /^[0-9a-f:]+:[0-9a-f:]*$/i;

/** Merchant-like columns: where fraud concentrates (compromised terminals), so aggregation keys with label feedback. */
export const MERCHANT_NAME = /merchant|terminal|store|(^|_)shop|seller|payee|(^|_)mid($|_)/;

interface Column {
  name: string;
  values: string[];
  distinct: number;
  share: (test: (v: string) => boolean) => number;
}

/** Name hints, tried in order; `prefixed` picks BILLING_/SHIPPING_ by the column name. */
const BY_NAME: [RegExp, VariableType | ((n: string) => VariableType), ((c: Column) => boolean)?][] = [
  [/(^|_)(is_?)?fraud($|_)|fraud_?(flag|label)|^label$|^target$|chargeback/, 'FRAUD_LABEL'],
  [/e_?mail/, 'EMAIL_ADDRESS', (c) => c.share((v) => EMAIL.test(v)) >= 0.8],
  [/(^|_)ip($|_)|ip_?addr/, 'IP_ADDRESS', (c) => c.share((v) => IPV4.test(v) || IPV6.test(v)) >= 0.8],
  [/user_?agent|^ua$/, 'USERAGENT'],
  [/phone|mobile|msisdn|(^|_)tel($|_)/, (n) => prefixed(n, 'BILLING_PHONE', 'SHIPPING_PHONE', 'PHONE_NUMBER')],
  [/currency|(^|_)ccy($|_)/, 'CURRENCY_CODE'],
  [/zip|postal|postcode/, (n) => prefixed(n, 'BILLING_ZIP', 'SHIPPING_ZIP', 'BILLING_ZIP')],
  [/(^|_)bin$|card_?bin/, 'CARD_BIN'],
  [/fingerprint|device_?id|(^|_)device$/, 'FINGERPRINT'],
  [/categor|(^|_)mcc($|_)/, 'PRODUCT_CATEGORY'],
  [MERCHANT_NAME, 'CATEGORICAL'],
  [/payment_?(type|method)|card_?type/, 'PAYMENT_TYPE'],
  [/(address|addr|street).*(2|line_?2)$/, (n) => prefixed(n, 'BILLING_ADDRESS_L2', 'SHIPPING_ADDRESS_L2', 'BILLING_ADDRESS_L2')],
  [/address|street/, (n) => prefixed(n, 'BILLING_ADDRESS_L1', 'SHIPPING_ADDRESS_L1', 'BILLING_ADDRESS_L1')],
  [/city|town/, (n) => prefixed(n, 'BILLING_CITY', 'SHIPPING_CITY', 'BILLING_CITY')],
  [/(^|_)(state|province|region)($|_)/, (n) => prefixed(n, 'BILLING_STATE', 'SHIPPING_STATE', 'BILLING_STATE')],
  [/country/, (n) => prefixed(n, 'BILLING_COUNTRY', 'SHIPPING_COUNTRY', 'BILLING_COUNTRY')],
  [/(^|_)(first_?|last_?|full_?)?name$|holder/, (n) => prefixed(n, 'BILLING_NAME', 'SHIPPING_NAME', 'BILLING_NAME')],
  [/order_?id|transaction_?id|(^|_)tx_?id|invoice/, 'ORDER_ID'],
  [/auth_?code/, 'AUTH_CODE'],
  [/^avs/, 'AVS'],
];

const prefixed = (n: string, billing: VariableType, shipping: VariableType, other: VariableType): VariableType =>
  /^(ship|deliver)/.test(n) ? shipping : /^(bill|customer|card)/.test(n) ? billing : other;

const AMOUNT_NAME = /amount|(^|_)amt($|_)|price|total|(^|_)value$|(^|_)sum$/;

/** Why each variable got its type, for the printout. */
export type InferenceNotes = Record<string, string>;

/**
 * An event type inferred from a CSV's header and first rows: each column that is not AFD metadata
 * becomes an optional variable, typed by its name and its values (e-mail addresses, IP addresses,
 * ISO currency codes, numbers, ...); identifiers and label-like columns are kept out of the features.
 */
export function inferEventType(header: string[], rows: string[][], name = 'event'): { eventType: EventType; notes: InferenceNotes; ignored: string[] } {
  const meta = new Set<string>(AFD_METADATA);
  const notes: InferenceNotes = {};
  const ignored: string[] = [];
  const variables: { name: string; column?: string; variableType: VariableType }[] = [];
  let amountSeen = false;
  header.forEach((column, i) => {
    if (meta.has(column.toUpperCase())) return;
    const values = rows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
    if (values.length === 0) {
      ignored.push(column);
      return;
    }
    const c: Column = { name: column.toLowerCase(), values, distinct: new Set(values).size, share: (test) => values.filter(test).length / values.length };
    const { type, why } = typeOf(c, amountSeen);
    if (type === 'PRICE') amountSeen = true;
    const varName = column.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(\d)/, '_$1').slice(0, 64);
    variables.push({ name: varName, ...(varName === column ? {} : { column }), variableType: type });
    notes[varName] = why;
  });
  if (variables.length === 0) throw new Error(`no variables to infer: every column is AFD metadata or empty (${header.join(', ')})`);
  return { eventType: EventTypeSchema.parse({ name, variables }), notes, ignored };
}

function typeOf(c: Column, amountSeen: boolean): { type: VariableType; why: string } {
  const numeric = c.share((v) => Number.isFinite(Number(v))) >= 0.95;
  for (const [pattern, type, check] of BY_NAME) {
    if (!pattern.test(c.name) || (check && !check(c))) continue;
    const t = typeof type === 'function' ? type(c.name) : type;
    if (t === 'FRAUD_LABEL') return { type: t, why: 'name looks like a label: not a feature' };
    return { type: t, why: pattern === MERCHANT_NAME ? 'name: merchant-like' : 'name' };
  }
  if (c.share((v) => EMAIL.test(v)) >= 0.8) return { type: 'EMAIL_ADDRESS', why: 'values are e-mail addresses' };
  if (c.share((v) => IPV4.test(v) || IPV6.test(v)) >= 0.8) return { type: 'IP_ADDRESS', why: 'values are IP addresses' };
  if (c.share((v) => v.startsWith('Mozilla/')) >= 0.5) return { type: 'USERAGENT', why: 'values are user agents' };
  if (!numeric && c.share((v) => /^[A-Za-z]{3}$/.test(v) && isIsoCurrency(v)) >= 0.9) return { type: 'CURRENCY_CODE', why: 'values are ISO 4217 codes' };
  if (numeric) {
    if (!amountSeen && AMOUNT_NAME.test(c.name)) return { type: 'PRICE', why: 'numbers, name says amount' };
    return { type: 'NUMERIC', why: 'numbers' };
  }
  const meanLength = c.values.reduce((s, v) => s + v.length, 0) / c.values.length;
  if (meanLength > 30 && c.share((v) => v.includes(' ')) > 0.5 && c.distinct > 0.5 * c.values.length) return { type: 'FREE_FORM_TEXT', why: 'long free text' };
  if (c.values.length >= 100 && c.distinct > 0.98 * c.values.length) return { type: 'ORDER_ID', why: 'unique per row: an identifier, not a feature' };
  return { type: 'CATEGORICAL', why: `${c.distinct} distinct values` };
}
