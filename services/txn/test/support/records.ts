import type { DecodedMskRecord, Transaction } from '@sfc/shared';

/** A topic record as the MSK event carries it, for handler-level tests. */
export function recordOf(value: Buffer | string | object, offset: number, topic = 'transactions', partition = 0): DecodedMskRecord {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  return { topic, partition, offset: String(offset), timestamp: Date.now(), key: 'k', value: bytes };
}

export const withoutField = (tx: Transaction, field: keyof Transaction) => {
  const copy: Record<string, unknown> = { ...tx };
  delete copy[field];
  return copy;
};
