import { z } from 'zod';
import { isIsoCurrency } from './currencies.js';

export const PRODUCT_CATEGORIES = [
  'entertainment', 'food_dining', 'gas_transport', 'grocery_net', 'grocery_pos', 'health_fitness', 'home',
  'kids_pets', 'misc_net', 'misc_pos', 'personal_care', 'travel', 'shopping_net', 'shopping_pos',
] as const;

/** Largest amount a single card transaction may carry; above it the record is dead-lettered. */
export const MAX_TRANSACTION_AMT = 100_000;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * event_time's year as written must be 2000-2099. Checked on the text, not the instant, so the lake's
 * SQL validation (generated from this schema's JSON Schema pattern) rejects exactly what zod rejects.
 * An offset moves the UTC instant by under a day, so UTC stays within 1999-12-31..2100-01-01: lake
 * partitions are always `dt=YYYY-MM-DD` (`0000-01-01T00:00:00+01:00` would be year -1 in UTC,
 * `dt=-000001-12`). How far from now an event may be is a live check in the scorer (txn config).
 */
export const EVENT_TIME_YEARS = { from: 2000, to: 2099 } as const;
// Matches the whole text: DuckDB checks patterns with a full match, Trino and zod with a partial one.
const EVENT_TIME_YEAR = /^20\d\d-.*/;

/**
 * One card transaction as the producer emits it: the seed's 19 fields, plus the merchant (terminal)
 * when the source knows it. Currencies are any ISO 4217 code, kept in lower case; an amount of 0 is a
 * card check (zero-amount authorisation), which card testers use too.
 */
export const TransactionSchema = z.object({
  event_id: text(64),
  entity_id: text(64),
  // A second pattern makes zod's JSON Schema drop `format`; meta puts it back for the lake's column checks.
  event_time: z.iso.datetime({ offset: true }).regex(EVENT_TIME_YEAR, `year outside ${EVENT_TIME_YEARS.from}-${EVENT_TIME_YEARS.to}`).meta({ format: 'date-time' }),
  transaction_amt: z.number().nonnegative().max(MAX_TRANSACTION_AMT),
  transaction_currency: z.string().trim().toLowerCase().refine(isIsoCurrency, 'not an ISO 4217 currency code'),
  product_category: z.enum(PRODUCT_CATEGORIES),
  card_bin: z.number().int().min(100_000).max(99_999_999),
  customer_name: text(128),
  customer_job: text(128),
  email_address: z.email().max(254),
  phone: text(32),
  ip_address: z.union([z.ipv4(), z.ipv6()]),
  user_agent: text(512),
  billing_street: text(128),
  billing_city: text(64),
  billing_state: text(32),
  billing_zip: text(16),
  billing_latitude: z.number().min(-90).max(90),
  billing_longitude: z.number().min(-180).max(180),
  merchant: text(64).optional(),
});

export type Transaction = z.infer<typeof TransactionSchema>;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
