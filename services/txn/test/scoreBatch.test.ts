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
