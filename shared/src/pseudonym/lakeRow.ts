import { LAKE_FREE_TEXT_FIELDS, LAKE_PII_FIELDS, type LakeTransaction } from '../schemas/lakeTransaction.js';
import type { ScoredTransaction } from '../schemas/scoredTransaction.js';
import type { PiiPolicy } from './piiPolicy.js';

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The lake's row for a scored transaction: personal values as tokens and masked display forms (raw
 * too only in LAKE_PII=raw), free text scrubbed, billing coordinates rounded to about 1 km (at 4
 * decimals they locate the home as well as the street does). card_bin stays: an issuer prefix, not a
 * card number, and what fraud reporting groups by.
 */
export function toLakeTransaction(tx: ScoredTransaction, pii: PiiPolicy): LakeTransaction {
  const row: Record<string, unknown> = { ...tx };
  for (const [field, kind] of Object.entries(LAKE_PII_FIELDS)) {
    const value = tx[field as keyof typeof LAKE_PII_FIELDS];
    row[`${field}_token`] = pii.token(kind, value);
    if (kind !== 'street') row[`${field}_masked`] = pii.display(kind, value);
    if (!pii.raw) delete row[field];
  }
  for (const field of LAKE_FREE_TEXT_FIELDS) {
    const value = tx[field];
    if (value !== undefined) row[field] = pii.scrub(value);
  }
  if (!pii.raw) {
    row.billing_latitude = round2(tx.billing_latitude);
    row.billing_longitude = round2(tx.billing_longitude);
  }
  return row as LakeTransaction;
}
