import type { ProductCategory } from '@sfc/shared';
import { CITIES } from './geography.js';
import { CATEGORY_PROFILE, CASH_OUT_CATEGORIES } from './categories.js';
import { publicIp, phoneFor, type Customer } from './customer.js';
import { FRAUD_USER_AGENTS, USER_AGENTS } from './people.js';
import type { Rng } from './random.js';

/** What differs from the cardholder's usual behaviour in one simulated event. */
export interface EventDraft {
  time: number;
  category: ProductCategory;
  amount: number;
  ip?: string;
  userAgent?: string;
  email?: string;
  phone?: string;
  /** Billing address somewhere else (fraudster typed another one). */
  elsewhere?: { city: (typeof CITIES)[number]; street: string; zip: string };
}

export const SCENARIOS = ['stolen_card', 'card_testing', 'account_takeover', 'overspend', 'compromised_merchant'] as const;
export type Scenario = (typeof SCENARIOS)[number];
const SCENARIO_WEIGHTS = [35, 25, 20, 12, 8];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const round2 = (x: number) => Math.round(x * 100) / 100;
const typical = (c: Customer, cat: ProductCategory) => CATEGORY_PROFILE[cat].median * c.spendScale;

function elsewhere(rng: Rng, c: Customer): EventDraft['elsewhere'] {
  let city = rng.pick(CITIES);
  while (city.city === c.city.city) city = rng.pick(CITIES);
  return { city, street: `${rng.int(1, 9999)} ${rng.pick(['Commerce', 'Industrial', 'Harbor', 'Airport'])} Rd`, zip: `${city.zip}${rng.int(10, 99)}` };
}

/** One fraud episode against `victim` starting at `start`: the events it leaves, in time order. */
export function fraudEpisode(rng: Rng, scenario: Scenario, victim: Customer, start: number, merchantCategory: ProductCategory): EventDraft[] {
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
      const probes: EventDraft[] = Array.from({ length: n }, (_, i) => ({
        time: start + i * rng.int(20, 240) * 1000,
        category: rng.pick(['misc_net', 'shopping_net'] as const),
        amount: round2(0.5 + rng.next() * 4.5),
        ip, userAgent: ua,
      }));
      if (rng.chance(0.5)) probes.push({ time: start + (n + 2) * 4 * MINUTE, category: 'shopping_net', amount: round2(rng.logNormal(250, 0.7)), ip, userAgent: ua });
      return probes;
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
      return [{ time: start, category: merchantCategory, amount: round2(typical(victim, merchantCategory) * (1.5 + rng.next() * 1.5)) }];
  }
}

export function pickScenario(rng: Rng): Scenario {
  return SCENARIOS[rng.weighted(SCENARIO_WEIGHTS)]!;
}

export { HOUR, MINUTE };
