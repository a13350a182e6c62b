import { PRODUCT_CATEGORIES, type ProductCategory } from '@sfc/shared';
import { CITIES, type City } from './geography.js';
import { CATEGORY_SHARES } from './categories.js';
import { Rng, mixSeed } from './random.js';

const DAY = 86_400_000;
/** Compromises are drawn per merchant and per period of this length. */
const EPOCH = 28 * DAY;
/** Chance that a merchant is compromised at some point of a period; each lasts 14-28 days. */
const COMPROMISE_CHANCE = 0.02;

/** A simulated merchant (a terminal, or an online shop). */
export interface Merchant {
  id: string;
  index: number;
  category: ProductCategory;
  /** Where its terminal is; null for an online shop. */
  city: City | null;
}

/** Categories bought online (any customer reaches any shop); the rest at a terminal in the customer's city. */
export const isOnline = (c: ProductCategory): boolean => c.endsWith('_net') || c === 'travel';

/** A population of merchants, and which ones are compromised when (a deterministic schedule). */
export class Merchants {
  readonly all: Merchant[];
  private readonly byCategory = new Map<ProductCategory, Merchant[]>();
  private readonly local = new Map<string, Merchant[]>();
  private readonly online: Merchant[];

  constructor(private readonly seed: number, count: number) {
    const rng = new Rng(mixSeed(seed, 0x6d657263));
    this.all = Array.from({ length: count }, (_, index) => {
      const category = PRODUCT_CATEGORIES[rng.weighted(CATEGORY_SHARES)]!;
      return { id: `m-${String(index).padStart(6, '0')}`, index, category, city: isOnline(category) ? null : rng.pick(CITIES) };
    });
    this.online = this.all.filter((m) => m.city === null);
    for (const m of this.all) {
      (this.byCategory.get(m.category) ?? this.byCategory.set(m.category, []).get(m.category)!).push(m);
      if (m.city) (this.local.get(`${m.category}|${m.city.city}`) ?? this.local.set(`${m.category}|${m.city.city}`, []).get(`${m.category}|${m.city.city}`)!).push(m);
    }
  }

  /** Where a customer of `city` buys in `category`: mostly a favourite shop, sometimes another one. */
  pick(rng: Rng, category: ProductCategory, city: City, customerIndex: number): Merchant {
    const near = isOnline(category) ? undefined : this.local.get(`${category}|${city.city}`);
    const options = near ?? this.byCategory.get(category) ?? this.all;
    if (rng.chance(0.7)) return options[mixSeed(customerIndex, options.length) % options.length]!;
    return rng.pick(options);
  }

  /** Any shop of `category` (where fraudsters spend: no favourites). */
  any(rng: Rng, category: ProductCategory): Merchant {
    return rng.pick(this.byCategory.get(category) ?? this.all);
  }

  /** An online shop of any category, for card-testing bursts. */
  onlineShop(rng: Rng): Merchant {
    return rng.pick(this.online.length > 0 ? this.online : this.all);
  }

  /** Whether `m` is compromised at `time`: a period of 14-28 days, drawn per merchant and per 28 days. */
  compromised(m: Merchant, time: number): boolean {
    const epoch = Math.floor(time / EPOCH);
    for (const e of [epoch, epoch - 1]) {
      const rng = new Rng(mixSeed(this.seed ^ Math.imul(m.index + 1, 0x9e3779b1), e));
      if (!rng.chance(COMPROMISE_CHANCE)) continue;
      const start = e * EPOCH + rng.next() * EPOCH;
      const end = start + (14 + rng.next() * 14) * DAY;
      if (time >= start && time < end) return true;
    }
    return false;
  }
}
