import { PRODUCT_CATEGORIES, type Transaction } from '@sfc/shared';
import { FEATURE_COUNT } from './names.js';
import { DECAYED_SLOTS, SEEN_LIMIT, WINDOWS_MS, emptyProfile, fingerprint, remember, type EntityProfile } from './profile.js';

const CATEGORY_CODE = new Map<string, number>(PRODUCT_CATEGORIES.map((c, i) => [c, i]));
const SCRIPT_UA = /python|curl|wget|headless|bot|spider|okhttp|java\//i;
const MOBILE_UA = /mobile|android|iphone|ipad/i;
const SMALL_AMOUNT = 5;
/** Seconds since last event when there is none: far beyond any window. */
const NO_HISTORY_SECS = 1e7;

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const isNew = (p: EntityProfile, seen: number[], value: string) => (p.n > 0 && !seen.includes(fingerprint(value)) ? 1 : 0);

/**
 * Writes the features of `tx` into `out` at `offset`, from the entity's profile strictly before the
 * event. The single definition used both to build training data and to serve.
 */
export function writeFeatures(tx: Transaction, time: number, p: EntityProfile, out: Float32Array, offset: number): void {
  const amt = tx.transaction_amt;
  const dt = p.n > 0 ? Math.max(0, time - p.last) : 0;
  const f = out;
  let i = offset;
  f[i++] = amt;
  f[i++] = Math.log1p(amt);
  f[i++] = CATEGORY_CODE.get(tx.product_category) ?? -1;
  f[i++] = new Date(time).getUTCHours();
  f[i++] = SCRIPT_UA.test(tx.user_agent) ? 1 : 0;
  f[i++] = MOBILE_UA.test(tx.user_agent) ? 1 : 0;
  f[i++] = p.n;
  f[i++] = p.n > 0 ? dt / 1000 : NO_HISTORY_SECS;
  for (let w = 0; w < WINDOWS_MS.length; w++) {
    const decay = p.n > 0 ? Math.exp(-dt / WINDOWS_MS[w]!) : 0;
    f[i++] = p.decayed[2 * w]! * decay;
    f[i++] = p.decayed[2 * w + 1]! * decay;
  }
  const mean = p.n > 0 ? p.sum / p.n : 0;
  f[i++] = p.n > 0 ? amt / mean : 1;
  f[i++] = p.n > 0 ? amt / p.max : 1;
  const cat = CATEGORY_CODE.get(tx.product_category) ?? 0;
  f[i++] = p.n > 0 ? p.categories[cat]! / p.n : 0;
  f[i++] = isNew(p, p.ips, tx.ip_address);
  f[i++] = isNew(p, p.agents, tx.user_agent);
  f[i++] = isNew(p, p.emails, tx.email_address);
  f[i++] = isNew(p, p.phones, tx.phone);
  f[i++] = isNew(p, p.zips, tx.billing_zip);
  f[i++] = p.n > 0 ? haversineKm(p.lat, p.lon, tx.billing_latitude, tx.billing_longitude) : 0;
  f[i++] = p.n > 0 ? p.decayed[DECAYED_SLOTS - 1]! * Math.exp(-dt / WINDOWS_MS[0]) : 0;
  if (i - offset !== FEATURE_COUNT) throw new Error(`feature writer produced ${i - offset} of ${FEATURE_COUNT} features`);
}

/** Folds `tx` into the entity's profile (after its features were taken). */
export function updateProfile(tx: Transaction, time: number, prior: EntityProfile | undefined): EntityProfile {
  const p = prior ?? emptyProfile();
  const dt = p.n > 0 ? Math.max(0, time - p.last) : 0;
  const amt = tx.transaction_amt;
  for (let w = 0; w < WINDOWS_MS.length; w++) {
    const decay = Math.exp(-dt / WINDOWS_MS[w]!);
    p.decayed[2 * w] = p.decayed[2 * w]! * decay + 1;
    p.decayed[2 * w + 1] = p.decayed[2 * w + 1]! * decay + amt;
  }
  const s = DECAYED_SLOTS - 1;
  p.decayed[s] = p.decayed[s]! * Math.exp(-dt / WINDOWS_MS[0]) + (amt < SMALL_AMOUNT ? 1 : 0);
  // Usual location: a running mean that the home address dominates.
  p.lat = (p.lat * p.n + tx.billing_latitude) / (p.n + 1);
  p.lon = (p.lon * p.n + tx.billing_longitude) / (p.n + 1);
  p.n += 1;
  p.sum += amt;
  p.max = Math.max(p.max, amt);
  p.last = Math.max(p.last, time);
  p.categories[CATEGORY_CODE.get(tx.product_category) ?? 0]! += 1;
  remember(p.ips, fingerprint(tx.ip_address), SEEN_LIMIT.ips);
  remember(p.agents, fingerprint(tx.user_agent), SEEN_LIMIT.agents);
  remember(p.emails, fingerprint(tx.email_address), SEEN_LIMIT.emails);
  remember(p.phones, fingerprint(tx.phone), SEEN_LIMIT.phones);
  remember(p.zips, fingerprint(tx.billing_zip), SEEN_LIMIT.zips);
  return p;
}
