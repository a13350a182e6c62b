import { parseWith, TransactionSchema, ScoredTransactionSchema } from '../src/index.js';
import { validTransaction } from './fixtures/transaction.js';

describe('Schema: Transaction', () => {
  it('accepts a valid transaction', () => {
    const parsed = parseWith('Transaction', TransactionSchema, validTransaction());
    expect(parsed.ok).toBe(true);
  });

  it.each([
    ['transaction_amt', -1],
    ['transaction_amt', 100_000.01],
    ['transaction_amt', '42'],
    ['transaction_currency', 'xyz'],
    ['transaction_currency', 'dollars'],
    ['product_category', 'groceries'],
    ['email_address', 'not-an-email'],
    ['ip_address', '999.1.1.1'],
    ['event_time', 'yesterday'],
    ['billing_latitude', 91],
    ['billing_longitude', -181],
    ['card_bin', 12],
    ['event_id', ''],
    ['customer_name', undefined],
  ])('rejects %s = %p and names the field', (field, value) => {
    const parsed = parseWith('Transaction', TransactionSchema, validTransaction({ [field]: value } as never));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.field).toBe(field);
      expect(parsed.error.message).toContain(field);
    }
  });

  it('accepts any ISO 4217 currency, keeping it in lower case, a zero amount and a merchant', () => {
    const parsed = parseWith('Transaction', TransactionSchema, validTransaction({ transaction_currency: 'JPY', transaction_amt: 0, merchant: 'm-000042' }));
    expect(parsed.ok && [parsed.value.transaction_currency, parsed.value.transaction_amt, parsed.value.merchant]).toEqual(['jpy', 0, 'm-000042']);
  });

  it('rejects a non-object and names the record', () => {
    const parsed = parseWith('Transaction', TransactionSchema, 'hello');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.field).toBe('(record)');
  });
});

describe('Schema: ScoredTransaction', () => {
  const fd = { outcome: 'block', score: 950, model_version: 'm1', reasons: ['new device'], ttdf_ms: 12, proc_time_ms: 0.1, model_time_ms: 0.05 };

  it('accepts a transaction with its decision', () => {
    expect(parseWith('ScoredTransaction', ScoredTransactionSchema, { ...validTransaction(), fd }).ok).toBe(true);
  });

  it.each([
    ['fd.score', { ...fd, score: 1001 }],
    ['fd.outcome', { ...fd, outcome: 'maybe' }],
    ['fd.ttdf_ms', { ...fd, ttdf_ms: -1 }],
  ])('rejects a bad %s', (field, bad) => {
    const parsed = parseWith('ScoredTransaction', ScoredTransactionSchema, { ...validTransaction(), fd: bad });
    expect(!parsed.ok && parsed.error.field).toBe(field);
  });
});
