import { PRODUCT_CATEGORIES, type ProductCategory } from '@sfc/shared';

/** Typical amount (median, log-normal spread) and share of spending for each category. */
export const CATEGORY_PROFILE: Record<ProductCategory, { median: number; sigma: number; share: number }> = {
  entertainment: { median: 40, sigma: 0.7, share: 6 },
  food_dining: { median: 28, sigma: 0.6, share: 12 },
  gas_transport: { median: 45, sigma: 0.4, share: 11 },
  grocery_net: { median: 55, sigma: 0.6, share: 5 },
  grocery_pos: { median: 62, sigma: 0.6, share: 14 },
  health_fitness: { median: 35, sigma: 0.7, share: 5 },
  home: { median: 70, sigma: 0.9, share: 8 },
  kids_pets: { median: 38, sigma: 0.7, share: 7 },
  misc_net: { median: 30, sigma: 1.0, share: 4 },
  misc_pos: { median: 25, sigma: 0.9, share: 6 },
  personal_care: { median: 22, sigma: 0.6, share: 6 },
  travel: { median: 180, sigma: 1.0, share: 3 },
  shopping_net: { median: 65, sigma: 1.0, share: 7 },
  shopping_pos: { median: 55, sigma: 0.9, share: 8 },
};

export const CATEGORY_SHARES = PRODUCT_CATEGORIES.map((c) => CATEGORY_PROFILE[c].share);

/** Categories where stolen cards are cashed out (goods that resell, online). */
export const CASH_OUT_CATEGORIES: readonly ProductCategory[] = ['shopping_net', 'misc_net', 'travel', 'shopping_pos', 'entertainment'];
