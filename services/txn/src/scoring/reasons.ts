import { PRODUCT_CATEGORIES } from '@sfc/shared';
import { FEATURE_NAMES, type FeatureName } from '../features/names.js';

// Formatters built once: toLocaleString builds one per call, which dominated the scorer's profile.
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const n0 = (x: number) => INTEGER.format(x);
const money = (x: number) => DOLLARS.format(x);
const mins = (s: number) => (s < 120 ? `${Math.round(s)} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

/** Plain words for one feature's value; features that say the same thing share a phrase. */
const PHRASES: Record<FeatureName, (x: number) => string> = {
  amount: (x) => `amount ${money(x)}`,
  log_amount: (x) => `amount ${money(Math.expm1(x))}`,
  category: (x) => `category ${PRODUCT_CATEGORIES[x] ?? 'unknown'}`,
  hour_of_day: (x) => `at ${String(x).padStart(2, '0')}:00 UTC`,
  ua_is_script: (x) => (x ? 'scripted client (user agent)' : 'browser user agent'),
  ua_is_mobile: (x) => (x ? 'mobile device' : 'desktop device'),
  history_count: (x) => (x === 0 ? "customer's first transaction" : `only ${n0(x)} earlier transactions`),
  secs_since_last: (x) => (x >= 1e7 ? 'no earlier transaction' : `${mins(x)} since previous transaction`),
  count_1h: (x) => `${n0(x)} transactions in the last hour`,
  sum_1h: (x) => `${money(x)} spent in the last hour`,
  count_24h: (x) => `${n0(x)} transactions in the last 24 h`,
  sum_24h: (x) => `${money(x)} spent in the last 24 h`,
  count_7d: (x) => `${n0(x)} transactions in the last 7 days`,
  sum_7d: (x) => `${money(x)} spent in the last 7 days`,
  amount_to_mean: (x) => `amount ${x.toFixed(1)}x this customer's average`,
  amount_to_max: (x) => `amount ${x.toFixed(1)}x this customer's largest`,
  category_share: (x) => (x === 0 ? 'first purchase in this category' : `${Math.round(100 * x)}% of this customer's purchases in this category`),
  new_ip: (x) => (x ? 'new IP address' : 'known IP address'),
  new_user_agent: (x) => (x ? 'new device' : 'known device'),
  new_email: (x) => (x ? 'new email address' : 'known email address'),
  new_phone: (x) => (x ? 'new phone number' : 'known phone number'),
  new_zip: (x) => (x ? 'new billing ZIP code' : 'usual billing ZIP code'),
  distance_km: (x) => `${n0(x)} km from usual location`,
  small_amount_count_1h: (x) => `${n0(x)} small (< $5) amounts in the last hour`,
};

/** Features that say the same thing count as one reason (the amount and its logarithm). */
const GROUP = FEATURE_NAMES.map((name) => (name === 'log_amount' ? FEATURE_NAMES.indexOf('amount') : FEATURE_NAMES.indexOf(name)));

/** The `limit` features that pushed the score up most, in plain words; only those are phrased. */
export function topReasons(contributions: Float64Array, values: Float32Array, offset: number, limit = 3): string[] {
  const byGroup = new Float64Array(FEATURE_NAMES.length);
  contributions.forEach((c, i) => (byGroup[GROUP[i]!]! += c));
  const top: number[] = [];
  byGroup.forEach((c, i) => c > 0 && top.push(i));
  return top
    .sort((a, b) => byGroup[b]! - byGroup[a]!)
    .slice(0, limit)
    .map((i) => PHRASES[FEATURE_NAMES[i]!](values[offset + i]!));
}
