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

  it.each([
    ['2026-12-07T10:00:00Z'],
    ['2000-01-01T00:00:00Z'],
    ['2099-12-31T23:59:59.999Z'],
    // The year as written counts; the offset moves the instant by under a day (UTC 1999-12-31T23:00Z).
    ['2000-01-01T00:00:00+01:00'],
    ['2099-12-31T23:59:59-01:00'],
  ])('accepts event_time %s', (eventTime) => {
    expect(parseWith('Transaction', TransactionSchema, validTransaction({ event_time: eventTime })).ok).toBe(true);
  });

  it.each([
    ['0000-01-01T00:00:00Z'],
    // Year -1 in UTC: lake partition `dt=-000001-12/hour=23`.
    ['0000-01-01T00:00:00+01:00'],
    ['9999-12-31T23:59:59Z'],
    // Year 10000 in UTC.
    ['9999-12-31T23:59:59-01:00'],
    ['1999-12-31T23:59:59Z'],
    ['2100-01-01T00:00:00Z'],
    ['1970-01-01T00:00:00Z'],
  ])('rejects event_time %s as implausible, naming the field', (eventTime) => {
    const parsed = parseWith('Transaction', TransactionSchema, validTransaction({ event_time: eventTime }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect([parsed.error.field, parsed.error.message]).toEqual(['event_time', expect.stringContaining('year outside 2000-2099')]);
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

  it('accepts timings up to their bounds (a re-driven record decided 30 days late)', () => {
    const slow = { ...fd, ttdf_ms: 30 * 86_400_000, proc_time_ms: 60_000, model_time_ms: 60_000 };
    expect(parseWith('ScoredTransaction', ScoredTransactionSchema, { ...validTransaction(), fd: slow }).ok).toBe(true);
  });

  it.each([
    ['fd.score', { ...fd, score: 1001 }],
    ['fd.outcome', { ...fd, outcome: 'maybe' }],
    ['fd.ttdf_ms', { ...fd, ttdf_ms: -1 }],
    ['fd.ttdf_ms', { ...fd, ttdf_ms: 1e308 }],
    ['fd.ttdf_ms', { ...fd, ttdf_ms: 367 * 86_400_000 }],
    ['fd.proc_time_ms', { ...fd, proc_time_ms: 5.5e307 }],
    ['fd.model_time_ms', { ...fd, model_time_ms: 16 * 60_000 }],
  ])('rejects a bad %s', (field, bad) => {
    const parsed = parseWith('ScoredTransaction', ScoredTransactionSchema, { ...validTransaction(), fd: bad });
    expect(!parsed.ok && parsed.error.field).toBe(field);
  });
});
