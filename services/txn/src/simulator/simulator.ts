import type { Transaction } from '@sfc/shared';
import { CATEGORY_PROFILE } from './categories.js';
import { categoryOf, createCustomer, publicIp, type Customer } from './customer.js';
import { Merchants } from './merchants.js';
import { USER_AGENTS } from './people.js';
import { Rng, mixSeed } from './random.js';
import { fraudEpisode, HOUR, pickEpisode, type EventDraft, type Scenario } from './scenarios.js';

export interface LabelledTransaction {
  transaction: Transaction;
  /** 1 for fraud. */
  label: 0 | 1;
  scenario: Scenario | null;
  /** When the label became known (epoch ms): fraud is reported days later, a purchase counts as legitimate after 30 days. */
  labelTime: number;
}

export interface SimulatorOptions {
  seed: number;
  /** Size of the customer population. */
  customers: number;
  /** Share of events that are fraud (default 0.015). */
  fraudRate?: number;
  /** Merchants (default one per 8 customers, at least 50). */
  merchants?: number;
  /** Prefix of entity ids (default `cust`), to keep several populations apart. */
  entityPrefix?: string;
}

const DAY = 24 * HOUR;
const round2 = (x: number) => Math.round(x * 100) / 100;
/** Share of fraud that compromised merchants make (the rest comes from episodes against cardholders). */
const COMPROMISED_SHARE = 0.3;
/** Chance that a purchase at a compromised merchant is fraudulent. */
const COMPROMISED_FRAUD = 0.5;

/**
 * Deterministic transaction simulator with ground truth: a stable population of customers and
 * merchants, fraud episodes that leave realistic traces, and merchants compromised for weeks. The
 * same seed and window give the same events.
 */
export class TransactionSimulator {
  readonly fraudRate: number;
  readonly merchants: Merchants;
  private readonly population: Customer[];
  /** Running sum of customers' daily rates, to draw a customer in proportion to how often they shop. */
  private readonly cumulativeRates: Float64Array;

  constructor(private readonly options: SimulatorOptions) {
    this.fraudRate = options.fraudRate ?? 0.015;
    this.population = Array.from({ length: options.customers }, (_, i) => createCustomer(options.seed, i, options.entityPrefix));
    // Merchants depend on the seed only, so populations of one seed family (the new-customer cohorts) share them.
    this.merchants = new Merchants(options.seed, options.merchants ?? Math.max(50, Math.round(options.customers / 8)));
    this.cumulativeRates = new Float64Array(this.population.length);
    let sum = 0;
    this.population.forEach((c, i) => (this.cumulativeRates[i] = sum += c.dailyRate));
  }

  get customers(): readonly Customer[] {
    return this.population;
  }

  /** Mean events per day across the population. */
  get eventsPerDay(): number {
    return this.cumulativeRates[this.cumulativeRates.length - 1] ?? 0;
  }

  /** `count` events in time order whose times fall in [from, to). */
  generate(from: number, to: number, count: number): LabelledTransaction[] {
    const rng = new Rng(mixSeed(this.options.seed, Math.floor(from / 1000)));
    const out: LabelledTransaction[] = [];
    const fraudTarget = Math.round(count * this.fraudRate);
    const reserved = Math.round(fraudTarget * COMPROMISED_SHARE);
    this.addEpisodes(rng, out, fraudTarget - reserved, from, to);
    let compromised = 0;
    const legit: number[] = [];
    while (out.length < count) {
      const index = this.drawCustomer(rng);
      const c = this.population[index]!;
      const draft = this.legitDraft(rng, c, index, from, to);
      if (compromised < reserved && this.merchants.compromised(draft.merchant!, draft.time) && rng.chance(COMPROMISED_FRAUD)) {
        // The compromised terminal charges the card more than the purchase was worth.
        out.push(this.labelled(rng, c, { ...draft, amount: round2(draft.amount * (1.2 + rng.next() * 1.8)) }, 'compromised_merchant'));
        compromised += 1;
      } else {
        legit.push(out.length);
        out.push(this.labelled(rng, c, draft, null));
      }
    }
    // Too few purchases at compromised merchants in this window: the rest of the fraud comes from episodes.
    if (compromised < reserved) {
      const drop = new Set(legit.slice(-(reserved - compromised)));
      const kept = out.filter((_, i) => !drop.has(i));
      out.length = 0;
      out.push(...kept);
      this.addEpisodes(rng, out, reserved - compromised, from, to);
    }
    return out.sort((a, b) => a.transaction.event_time.localeCompare(b.transaction.event_time));
  }

  private addEpisodes(rng: Rng, out: LabelledTransaction[], n: number, from: number, to: number): void {
    const target = out.length + n;
    const anyone = () => rng.pick(this.population);
    while (out.length < target) {
      const victim = anyone();
      const scenario = pickEpisode(rng);
      const start = from + rng.next() * (to - from);
      for (const draft of fraudEpisode(rng, scenario, victim, start, this.merchants, anyone)) {
        if (out.length >= target || draft.time >= to) break;
        out.push(this.labelled(rng, draft.victim ?? victim, draft, scenario));
      }
    }
  }

  private labelled(rng: Rng, c: Customer, d: EventDraft, scenario: Scenario | null): LabelledTransaction {
    const transaction = this.toTransaction(rng, c, d);
    // Chargebacks and fraud reports arrive days later (median about 4 days).
    const delay = scenario ? Math.min(60 * DAY, Math.max(HOUR, rng.logNormal(4 * DAY, 0.7))) : 30 * DAY;
    return { transaction, label: scenario ? 1 : 0, scenario, labelTime: Math.floor(d.time) + Math.round(delay) };
  }

  private drawCustomer(rng: Rng): number {
    const r = rng.next() * this.eventsPerDay;
    let lo = 0;
    let hi = this.cumulativeRates.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulativeRates[mid]! <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** An ordinary purchase: usual devices, address and shops, with the noise real customers make. */
  private legitDraft(rng: Rng, c: Customer, index: number, from: number, to: number): EventDraft {
    const start = from + c.joins * (to - from);
    const day = Math.floor(start / DAY) + Math.floor(rng.next() * Math.max(1, (to - start) / DAY));
    const hour = (c.peakHour + Math.round(rng.normal() * 3) + 24) % 24;
    let time = day * DAY + hour * HOUR + rng.next() * HOUR;
    if (time < start || time >= to) time = start + rng.next() * (to - start);
    const category = categoryOf(rng, c);
    const p = CATEGORY_PROFILE[category];
    // Real spending has small tickets (coffee, parking) and big ones (a laptop, a flight) too.
    const kind = rng.next();
    const scale = kind < 0.05 ? 0.04 + rng.next() * 0.08 : kind > 0.97 ? 4 + rng.next() * 12 : 1;
    return {
      time,
      category,
      merchant: this.merchants.pick(rng, category, c.city, index),
      amount: round2(Math.min(20_000, Math.max(0.5, rng.logNormal(p.median * c.spendScale, p.sigma) * scale))),
      // Phones roam between networks and people buy new devices: novelty alone is not fraud.
      ip: rng.chance(0.08) ? publicIp(rng) : undefined,
      userAgent: rng.chance(0.03) ? rng.pick(USER_AGENTS) : undefined,
    };
  }

  private toTransaction(rng: Rng, c: Customer, d: EventDraft): Transaction {
    const where = d.elsewhere;
    return {
      event_id: `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`,
      entity_id: c.entityId,
      event_time: new Date(Math.floor(d.time)).toISOString(),
      transaction_amt: d.amount,
      transaction_currency: 'usd',
      product_category: d.category,
      card_bin: c.cardBin,
      customer_name: c.name,
      customer_job: c.job,
      email_address: d.email ?? c.email,
      phone: d.phone ?? c.phone,
      ip_address: d.ip ?? rng.pick(c.ips),
      user_agent: d.userAgent ?? rng.pick(c.userAgents),
      billing_street: where?.street ?? c.street,
      billing_city: where?.city.city ?? c.city.city,
      billing_state: where?.city.state ?? c.city.state,
      billing_zip: where?.zip ?? c.zip,
      billing_latitude: Math.round((where ? where.city.lat + rng.normal() * 0.05 : c.lat) * 1e4) / 1e4,
      billing_longitude: Math.round((where ? where.city.lon + rng.normal() * 0.05 : c.lon) * 1e4) / 1e4,
      merchant: (d.merchant ?? this.merchants.any(rng, d.category)).id,
    };
  }
}
