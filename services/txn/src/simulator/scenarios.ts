import type { ProductCategory } from '@sfc/shared';
import { CITIES } from './geography.js';
import { CATEGORY_PROFILE, CASH_OUT_CATEGORIES } from './categories.js';
import { publicIp, phoneFor, type Customer } from './customer.js';
import type { Merchant, Merchants } from './merchants.js';
import { FRAUD_USER_AGENTS, USER_AGENTS } from './people.js';
import type { Rng } from './random.js';

/** What differs from the cardholder's usual behaviour in one simulated event. */
export interface EventDraft {
  time: number;
  category: ProductCategory;
  amount: number;
  /** The cardholder, when the episode strikes several (card testing at one shop). */
  victim?: Customer;
  merchant?: Merchant;
  ip?: string;
  userAgent?: string;
  email?: string;
  phone?: string;
  /** Billing address somewhere else (fraudster typed another one). */
  elsewhere?: { city: (typeof CITIES)[number]; street: string; zip: string };
}

/** Fraud episodes drawn per victim; `compromised_merchant` fraud comes from the merchants' schedule instead. */
export const SCENARIOS = ['stolen_card', 'card_testing', 'merchant_card_testing', 'account_takeover', 'overspend', 'compromised_merchant'] as const;
export type Scenario = (typeof SCENARIOS)[number];
const EPISODES: readonly Scenario[] = ['stolen_card', 'card_testing', 'merchant_card_testing', 'account_takeover', 'overspend'];
const EPISODE_WEIGHTS = [35, 15, 15, 22, 13];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const round2 = (x: number) => Math.round(x * 100) / 100;
const typical = (c: Customer, cat: ProductCategory) => CATEGORY_PROFILE[cat].median * c.spendScale;
/** A card check: often a zero-amount authorisation, else a few dollars. */
const probeAmount = (rng: Rng) => (rng.chance(0.2) ? 0 : round2(0.5 + rng.next() * 4.5));

function elsewhere(rng: Rng, c: Customer): EventDraft['elsewhere'] {
  let city = rng.pick(CITIES);
  while (city.city === c.city.city) city = rng.pick(CITIES);
  return { city, street: `${rng.int(1, 9999)} ${rng.pick(['Commerce', 'Industrial', 'Harbor', 'Airport'])} Rd`, zip: `${city.zip}${rng.int(10, 99)}` };
}

/**
 * One fraud episode starting at `start`: the events it leaves, in time order. Most strike `victim`;
 * card testing at a shop runs many stolen cards (`victims`) through one online shop from one client.
 */
export function fraudEpisode(rng: Rng, scenario: Scenario, victim: Customer, start: number, merchants: Merchants, victims: () => Customer): EventDraft[] {
  const ip = publicIp(rng);
  const ua = rng.chance(0.6) ? rng.pick(FRAUD_USER_AGENTS) : rng.pick(USER_AGENTS);
  switch (scenario) {
    case 'stolen_card': {
      const where = rng.chance(0.5) ? elsewhere(rng, victim) : undefined;
      return Array.from({ length: rng.int(1, 4) }, (_, i) => ({
        time: start + i * rng.int(2, 45) * MINUTE,
        category: rng.pick(CASH_OUT_CATEGORIES),
        amount: round2(Math.min(5000, rng.logNormal(140, 0.9))),
        ip, userAgent: ua, elsewhere: where,
      }));
    }
    case 'card_testing': {
      const n = rng.int(3, 10);
      const shop = merchants.onlineShop(rng);
      const probes: EventDraft[] = Array.from({ length: n }, (_, i) => ({
        time: start + i * rng.int(20, 240) * 1000, category: shop.category, merchant: shop, amount: probeAmount(rng), ip, userAgent: ua,
      }));
      if (rng.chance(0.5)) probes.push({ time: start + (n + 2) * 4 * MINUTE, category: 'shopping_net', amount: round2(rng.logNormal(250, 0.7)), ip, userAgent: ua });
      return probes;
    }
    case 'merchant_card_testing': {
      // A bot checks a list of stolen cards at one shop within the hour: many cards, one client.
      const shop = merchants.onlineShop(rng);
      const cards = rng.int(8, 25);
      const drafts: EventDraft[] = [];
      for (let k = 0; k < cards; k++) {
        const card = k === 0 ? victim : victims();
        const at = start + rng.next() * rng.int(20, 60) * MINUTE;
        for (let p = rng.int(1, 2); p > 0; p--) drafts.push({ time: at + p * rng.int(5, 90) * 1000, category: shop.category, merchant: shop, amount: probeAmount(rng), victim: card, ip, userAgent: ua });
      }
      return drafts.sort((a, b) => a.time - b.time);
    }
    case 'account_takeover': {
      const email = rng.chance(0.7) ? `${rng.hex(8)}@${rng.pick(['mail.ru', 'tutanota.com', 'guerrillamail.com', 'gmail.com'])}` : undefined;
      const phone = email === undefined || rng.chance(0.4) ? phoneFor(rng, rng.pick(CITIES).area) : undefined;
      return Array.from({ length: rng.int(1, 3) }, (_, i) => ({
        time: start + i * rng.int(10, 180) * MINUTE,
        category: rng.pick(CASH_OUT_CATEGORIES),
        amount: round2(Math.min(8000, rng.logNormal(450, 0.8))),
        ip, userAgent: ua, email, phone,
      }));
    }
    case 'overspend':
      return Array.from({ length: rng.int(1, 2) }, (_, i) => {
        const category = rng.pick(['travel', 'shopping_net', 'home', 'shopping_pos'] as const);
        return {
          time: start + i * rng.int(5, 90) * MINUTE,
          category,
          amount: round2(Math.min(20000, typical(victim, category) * (8 + rng.next() * 17))),
          ip: rng.chance(0.7) ? victim.ips[0]! : ip,
        };
      });
    case 'compromised_merchant':
      throw new Error('compromised-merchant fraud comes from the merchants\' schedule, not from an episode');
  }
}

export function pickEpisode(rng: Rng): Scenario {
  return EPISODES[rng.weighted(EPISODE_WEIGHTS)]!;
}

export { HOUR, MINUTE };
