import { createLogger, DlqRecordSchema, MemoryTopics, ScoredTransactionSchema } from '@sfc/shared';
import { scoreBatch, type ScoreDeps } from '../src/pipeline/scoreBatch.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';
import { recordOf, withoutField } from './support/records.js';
import { shippedScorer } from './support/model.js';

const T0 = Date.parse('2026-11-20T00:00:00Z');

async function deps(topics: MemoryTopics): Promise<ScoreDeps> {
  return {
    scorer: await shippedScorer(),
    producer: topics,
    topics: { processed: 'processed', dlq: 'dlq' },
    rules: { block: 900, review: 700 },
    maxRecordBytes: 65_536,
    logger: createLogger('test', { level: 'silent' }),
  };
}

describe('Pipeline: scoreBatch', () => {
  const txs = new TransactionSimulator({ seed: 11, customers: 100 }).generate(T0, T0 + 86_400_000, 300).map((e) => e.transaction);

  it('scores every valid record, in order, with a decision and timings', async () => {
    // Prepare
    const topics = new MemoryTopics(1);
    // Act
    const summary = await scoreBatch(txs.map((t, i) => recordOf(t, i)), await deps(topics));
    // Assess
    expect(summary).toMatchObject({ received: 300, scored: 300, deadLettered: 0 });
    const out = topics.readAll('processed').map((r) => ScoredTransactionSchema.parse(JSON.parse(r.value.toString())));
    expect(out.map((s) => s.event_id)).toEqual(txs.map((t) => t.event_id));
    expect(out.every((s) => s.fd.model_version.startsWith('lgbm-') && s.fd.proc_time_ms > 0)).toBe(true);
    expect(summary.outcomes.approve + summary.outcomes.review + summary.outcomes.block).toBe(300);
    for (const s of out) expect(s.fd.outcome).toBe(s.fd.score >= 900 ? 'block' : s.fd.score >= 700 ? 'review' : 'approve');
  });

  it.each<[string, Buffer | string | object, string, string | null]>([
    ['non-JSON', 'not json {', 'decode', null],
    ['binary garbage', Buffer.from([0xff, 0x00, 0xfe]), 'decode', null],
    ['a missing field', withoutField(txs[0]!, 'email_address'), 'schema', 'email_address'],
    ['a mistyped field', { ...txs[0]!, transaction_amt: '12.00' }, 'schema', 'transaction_amt'],
    ['an out-of-range amount', { ...txs[0]!, transaction_amt: 5_000_000 }, 'schema', 'transaction_amt'],
    ['a 10 MB record', Buffer.alloc(10 * 1024 * 1024, 0x20), 'size', null],
  ])('dead-letters %s with its reason and keeps the batch going', async (_name, bad, kind, field) => {
    // Prepare
    const topics = new MemoryTopics(1);
    const records = [recordOf(txs[0]!, 0), recordOf(bad, 1), recordOf(txs[1]!, 2)];
    // Act
    const summary = await scoreBatch(records, await deps(topics));
    // Assess
    expect(summary).toMatchObject({ received: 3, scored: 2, deadLettered: 1 });
    const [dlq] = topics.readAll('dlq').map((r) => DlqRecordSchema.parse(JSON.parse(r.value.toString())));
    expect(dlq!.error).toMatchObject({ kind, field });
    expect(dlq!.source).toMatchObject({ topic: 'transactions', partition: 0, offset: '1' });
    expect(dlq!.original_bytes).toBe(records[1]!.value.byteLength);
    expect(dlq!.original_truncated).toBe(records[1]!.value.byteLength > 65_536);
  });
});

describe('Pipeline: scoreBatch logging', () => {
  it('logs a dead-lettered record by kind and field, never a fragment of it', async () => {
    // Prepare: a record that is almost JSON, with personal data in it
    const lines: string[] = [];
    const topics = new MemoryTopics(1);
    const d = { ...(await deps(topics)), logger: createLogger('test', { level: 'debug', sink: (l) => lines.push(l) }) };
    const bad = 'Chiamaka Adeyemi, chiamaka@example-mail.net';
    // Act
    await scoreBatch([recordOf(bad, 0)], d);
    // Assess
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'dead-lettered records');
    expect(warning).toMatchObject({ count: 1, first: { kind: 'decode', field: null } });
    expect(lines.join('\n')).not.toMatch(/Chiamaka|Adeyemi|example-mail/);
  });
});

describe('Pipeline: scoreBatch live event_time window', () => {
  const txs = new TransactionSimulator({ seed: 12, customers: 50 }).generate(T0, T0 + 3_600_000, 3).map((e) => e.transaction);
  const window = { maxAheadMs: 15 * 60_000, maxAgeMs: 30 * 86_400_000 };
  // The Kafka record's timestamp is the reference: the record reached the topic at `at`.
  const at = (tx: object, offset: number, timestamp: number) => ({ ...recordOf(tx, offset), timestamp });
  const arrival = Math.max(...txs.map((t) => Date.parse(t.event_time))) + 60_000;
  const shifted = (ms: number) => ({ ...txs[1]!, event_time: new Date(arrival + ms).toISOString() });

  it.each<[string, number, RegExp]>([
    ['a day in the future', 86_400_000, /is 1\.0 days ahead of the record's Kafka timestamp .*EVENT_TIME_MAX_AHEAD_MINUTES=15/],
    ['16 minutes in the future', 16 * 60_000, /is 16\.0 minutes ahead/],
    ['31 days in the past', -31 * 86_400_000, /is 31\.0 days behind the record's Kafka timestamp .*EVENT_TIME_MAX_AGE_DAYS=30/],
  ])('dead-letters an event_time %s, naming event_time, and scores the rest', async (_name, shift, reason) => {
    // Prepare
    const topics = new MemoryTopics(1);
    const records = [at(txs[0]!, 0, arrival), at(shifted(shift), 1, arrival), at(txs[2]!, 2, arrival)];
    // Act
    const summary = await scoreBatch(records, { ...(await deps(topics)), eventTimeWindow: window });
    // Assess
    expect(summary).toMatchObject({ received: 3, scored: 2, deadLettered: 1 });
    const [dlq] = topics.readAll('dlq').map((r) => DlqRecordSchema.parse(JSON.parse(r.value.toString())));
    expect(dlq!.error).toMatchObject({ kind: 'window', field: 'event_time', reason: expect.stringMatching(reason) });
    expect(dlq!.source).toMatchObject({ offset: '1', timestamp: arrival });
    expect(topics.readAll('processed').map((r) => JSON.parse(r.value.toString()).event_id)).toEqual([txs[0]!.event_id, txs[2]!.event_id]);
  });

  it('scores event times just inside the window both ways', async () => {
    const topics = new MemoryTopics(1);
    const records = [at(shifted(15 * 60_000 - 1), 0, arrival), at({ ...shifted(-30 * 86_400_000 + 1), event_id: 'evt-just-inside' }, 1, arrival)];
    const summary = await scoreBatch(records, { ...(await deps(topics)), eventTimeWindow: window });
    expect(summary).toMatchObject({ received: 2, scored: 2, deadLettered: 0 });
  });

  it('dead-letters a record whose Kafka timestamp is so old that its ttdf would exceed the bound, window or not', async () => {
    const topics = new MemoryTopics(1);
    const d = { ...(await deps(topics)), now: () => arrival };
    const summary = await scoreBatch([at(shifted(0), 0, 0), at({ ...shifted(0), event_id: 'evt-stale' }, 1, arrival - 367 * 86_400_000), at(txs[0]!, 2, arrival)], d);
    expect(summary).toMatchObject({ scored: 1, deadLettered: 2 });
    const dlq = topics.readAll('dlq').map((r) => DlqRecordSchema.parse(JSON.parse(r.value.toString())).error);
    expect(dlq).toEqual([0, 1].map(() => expect.objectContaining({ kind: 'decode', field: 'timestamp', reason: expect.stringMatching(/more than 366 days before the decision/) })));
  });

  it('without a window (replays of historical data) scores any plausible year', async () => {
    const topics = new MemoryTopics(1);
    const summary = await scoreBatch([at(shifted(-400 * 86_400_000), 0, arrival)], await deps(topics));
    expect(summary).toMatchObject({ scored: 1, deadLettered: 0 });
  });
});
