import { PRODUCT_CATEGORIES, type ProductCategory } from '@sfc/shared';
import { CITIES, STREET_NAMES, STREET_SUFFIXES, type City } from './geography.js';
import { CARD_BIN_PREFIXES, EMAIL_DOMAINS, FIRST_NAMES, JOBS, LAST_NAMES, USER_AGENTS } from './people.js';
import { CATEGORY_SHARES } from './categories.js';
import { Rng } from './random.js';

/** A simulated cardholder with stable home, card, contacts, devices and spending habits. */
export interface Customer {
  entityId: string;
  name: string;
  job: string;
  email: string;
  phone: string;
  cardBin: number;
  city: City;
  street: string;
  zip: string;
  lat: number;
  lon: number;
  ips: string[];
  userAgents: string[];
  /** Relative preference per category (same order as PRODUCT_CATEGORIES). */
  categoryWeights: number[];
  /** Multiplier on every category's typical amount: some people spend more. */
  spendScale: number;
  /** Mean transactions per day. */
  dailyRate: number;
  /** Hour of day (UTC) around which this customer shops. */
  peakHour: number;
  /**
   * Where in any simulated window this customer's first purchase falls (0 = from the start): a
   * quarter of the population are newcomers, so every window holds customers without history.
   */
  joins: number;
}

/** A public-looking IPv4 address (first octet chosen outside private and reserved ranges). */
export function publicIp(rng: Rng): string {
  const first = rng.pick([23, 24, 50, 63, 66, 68, 71, 73, 76, 98, 99, 104, 107, 108, 142, 162, 173, 174, 184, 199, 207, 208]);
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export function phoneFor(rng: Rng, area: string): string {
  return `${area}-${rng.int(200, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export function emailFor(rng: Rng, first: string, last: string): string {
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  return `${local}${rng.chance(0.6) ? rng.int(1, 999) : ''}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function cardBinFor(rng: Rng): number {
  const prefix = rng.pick(CARD_BIN_PREFIXES);
  const digits = 6 - String(prefix).length;
  return prefix * 10 ** digits + rng.int(0, 10 ** digits - 1);
}

/** The `index`-th customer of a population seeded by `seed`: the same inputs give the same person. */
export function createCustomer(seed: number, index: number, prefix = 'cust'): Customer {
  const rng = new Rng(seed * 1_000_003 + index);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const city = rng.pick(CITIES);
  const favourite = new Set([rng.int(0, PRODUCT_CATEGORIES.length - 1), rng.int(0, PRODUCT_CATEGORIES.length - 1)]);
  return {
    entityId: `${prefix}-${String(index).padStart(7, '0')}`,
    name: `${first} ${last}`,
    job: rng.pick(JOBS),
    email: emailFor(rng, first, last),
    phone: phoneFor(rng, city.area),
    cardBin: cardBinFor(rng),
    city,
    street: `${rng.int(1, 9999)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}`,
    zip: `${city.zip}${String(rng.int(0, 99)).padStart(2, '0')}`,
    lat: city.lat + rng.normal() * 0.05,
    lon: city.lon + rng.normal() * 0.05,
    ips: Array.from({ length: rng.int(1, 2) }, () => publicIp(rng)),
    userAgents: Array.from({ length: rng.int(1, 2) }, () => rng.pick(USER_AGENTS)),
    categoryWeights: CATEGORY_SHARES.map((s, i) => s * (favourite.has(i) ? 4 : 1) * (0.5 + rng.next())),
    spendScale: rng.logNormal(1, 0.35),
    dailyRate: rng.logNormal(1.5, 0.5),
    peakHour: rng.int(8, 21),
    joins: rng.chance(0.25) ? rng.next() : 0,
  };
}

export const categoryOf = (rng: Rng, c: Customer): ProductCategory => PRODUCT_CATEGORIES[rng.weighted(c.categoryWeights)]!;
