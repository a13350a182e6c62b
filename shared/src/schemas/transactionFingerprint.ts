import { hash } from 'node:crypto';
import { TransactionSchema, type Transaction } from './transaction.js';

const FIELDS = Object.keys(TransactionSchema.shape) as (keyof Transaction)[];

/**
 * SHA-256 (hex) of a transaction's content: every field of the schema in the schema's order, whatever
 * the order of the JSON it came from, and nothing else (a ScoredTransaction's `fd` is left out). Two
 * records with one `event_id` are the same event only if their fingerprints agree: replayed decisions
 * and sent alerts are keyed on it, so a reused event id never inherits another transaction's decision.
 * Cryptographic, so a colliding transaction cannot be crafted.
 */
export function transactionFingerprint(tx: Transaction): string {
  const values = new Array<unknown>(FIELDS.length);
  for (let i = 0; i < FIELDS.length; i++) values[i] = tx[FIELDS[i]!] ?? null;
  return hash('sha256', JSON.stringify(values), 'hex');
}
