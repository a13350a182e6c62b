import { writeFileSync } from 'node:fs';
import { ISO_4217_CODES } from '@sfc/shared';
import { csvLine } from '../../src/afd/csvRows.js';
import { TransactionSimulator } from '../../src/simulator/simulator.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** AFD's `mm/dd/yyyy hh:mm:ss` format, not ISO 8601. */
const usTime = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** Columns of a transaction export in the shape of AWS's AFD sample data, not ours. */
export const AFD_SAMPLE_COLUMNS = [
  'EVENT_ID', 'ENTITY_ID', 'ENTITY_TYPE', 'EVENT_TIMESTAMP', 'order_price', 'payment_currency', 'card_bin', 'customer_email',
  'billing_phone', 'billing_address', 'billing_city', 'billing_state', 'billing_postal', 'billing_country', 'ip_address', 'user_agent',
  'product_category', 'merchant', 'customer_name', 'session_id', 'notes', 'EVENT_LABEL', 'LABEL_TIMESTAMP',
] as const;

/**
 * A labelled CSV another team might bring from Amazon Fraud Detector: AFD's column set (billing_phone,
 * billing_postal, billing_address, a merchant), US-style timestamps, upper-case ISO currencies of many
 * countries, zero-amount checks, extra columns (a session id, free-text notes) and without our
 * customer_job and coordinates. Built from simulated events, so it has fraud to learn.
 */
export function writeAfdSample(file: string, options: { seed: number; customers: number; days: number; events: number; fraudRate?: number }): void {
  const T0 = Date.parse('2026-03-01T00:00:00Z');
  const sim = new TransactionSimulator({ seed: options.seed, customers: options.customers, fraudRate: options.fraudRate ?? 0.03 });
  const currencies = [...ISO_4217_CODES];
  const lines = [csvLine(AFD_SAMPLE_COLUMNS)];
  sim.generate(T0, T0 + options.days * 86_400_000, options.events).forEach(({ transaction: t, label, labelTime }, i) => {
    const home = Number.parseInt(t.entity_id.slice(-4), 10);
    const currency = home % 3 === 0 ? currencies[home % currencies.length]! : 'USD';
    const row: Record<(typeof AFD_SAMPLE_COLUMNS)[number], string> = {
      EVENT_ID: t.event_id, ENTITY_ID: t.entity_id, ENTITY_TYPE: 'customer', EVENT_TIMESTAMP: usTime(Date.parse(t.event_time)),
      order_price: t.transaction_amt < 1 ? '0' : t.transaction_amt.toFixed(2), payment_currency: currency, card_bin: String(t.card_bin),
      customer_email: t.email_address, billing_phone: t.phone, billing_address: t.billing_street, billing_city: t.billing_city,
      billing_state: t.billing_state, billing_postal: t.billing_zip, billing_country: 'US', ip_address: t.ip_address, user_agent: t.user_agent,
      product_category: t.product_category, merchant: t.merchant!, customer_name: t.customer_name, session_id: `s-${i}-${t.event_id.slice(0, 8)}`,
      notes: i % 7 === 0 ? 'called the customer, "all good", no action' : '', EVENT_LABEL: label ? 'fraud' : 'legit', LABEL_TIMESTAMP: usTime(labelTime),
    };
    lines.push(csvLine(AFD_SAMPLE_COLUMNS.map((c) => row[c])));
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
}
