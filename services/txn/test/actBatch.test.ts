import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, FsObjectStore, LakeTransactionSchema, MemoryTopics, OutboxNotifier, type ScoredTransaction } from '@sfc/shared';
import { actBatch, type ActDeps } from '../src/pipeline/actBatch.js';
import { recordOf } from './support/records.js';
import { validTransaction } from '../../../shared/test/fixtures/transaction.js';
import { testPolicy } from '../../../shared/test/support/pseudonym.js';

const scored = (i: number, outcome: 'approve' | 'review' | 'block', hour: number): ScoredTransaction => ({
  ...validTransaction({ event_id: `evt-${i}`, event_time: `2026-11-25T${String(hour).padStart(2, '0')}:30:00.000Z` }),
  fd: { outcome, score: outcome === 'block' ? 950 : 100, model_version: 'm', reasons: ['new device'], ttdf_ms: 5, proc_time_ms: 0.1, model_time_ms: 0.01 },
});

function setup(pii = testPolicy()): { deps: ActDeps; dir: string; topics: MemoryTopics } {
  const dir = mkdtempSync(join(tmpdir(), 'act-'));
  const topics = new MemoryTopics(1);
  return {
    dir, topics,
    deps: {
      store: new FsObjectStore(dir), notifier: new OutboxNotifier(join(dir, 'outbox'), 'alerts', null), producer: topics,
      lake: { bucket: 'lake', prefix: 'processed' }, pii, dlqTopic: 'dlq', maxRecordBytes: 65_536, logger: createLogger('t', { level: 'silent' }),
    },
  };
}

describe('Pipeline: actBatch', () => {
  const batch = [scored(1, 'approve', 10), scored(2, 'block', 10), scored(3, 'review', 11), scored(4, 'block', 11)]
    .map((s, i) => recordOf(s, 100 + i, 'processed_transactions', 2));

  it('writes the batch to hourly lake partitions and alerts on each block, PII masked', async () => {
    // Prepare
    const { deps, dir } = setup();
    // Act
    const summary = await actBatch(batch, deps);
    // Assess
    expect(summary).toMatchObject({ received: 4, written: 4, alerts: 2, deadLettered: 0 });
    const keys = await deps.store.list('lake');
    expect(keys).toEqual([
      'processed/dt=2026-11-25/hour=10/processed_transactions-2-0000000000000100.jsonl',
      'processed/dt=2026-11-25/hour=11/processed_transactions-2-0000000000000102.jsonl',
    ]);
    const alerts = readFileSync(join(dir, 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n');
    expect(alerts).toHaveLength(2);
    expect(alerts.join()).not.toContain('jane.doe@example.com');
    expect(alerts.join()).not.toContain('Jane Doe');
    expect(JSON.parse(alerts[0]!).body).toMatchObject({ event_id: 'evt-2', outcome: 'block', reasons: ['new device'], email: 'j***@example.com' });
  });

  it('overwrites instead of duplicating when the same batch is retried', async () => {
    const { deps } = setup();
    await actBatch(batch, deps);
    await actBatch(batch, deps);
    const keys = await deps.store.list('lake');
    const rows = (await Promise.all(keys.map(async (k) => Buffer.from((await deps.store.get('lake', k))!).toString().trim().split('\n')))).flat();
    expect(rows).toHaveLength(4);
  });

  it('dead-letters a record that is not a ScoredTransaction and writes the rest', async () => {
    const { deps, topics } = setup();
    const summary = await actBatch([...batch, recordOf({ event_id: 'x' }, 200, 'processed_transactions', 2)], deps);
    expect(summary).toMatchObject({ written: 4, deadLettered: 1 });
    expect(JSON.parse(topics.readAll('dlq')[0]!.value.toString()).stage).toBe('act');
  });

  const lakeRows = async (deps: ActDeps) => (await Promise.all((await deps.store.list('lake')).map(async (k) => Buffer.from((await deps.store.get('lake', k))!).toString().trim().split('\n'))))
    .flat().map((l) => LakeTransactionSchema.parse(JSON.parse(l)));

  it('writes tokens and masked forms to the lake, no raw personal value, card numbers in free text masked', async () => {
    // Prepare: a card number typed into the job field
    const { deps } = setup();
    const tx = { ...scored(9, 'approve', 10), customer_job: 'paid with 4111 1111 1111 1111' };
    // Act
    await actBatch([recordOf(tx, 300, 'processed_transactions', 2)], deps);
    // Assess
    const [row] = await lakeRows(deps);
    const text = JSON.stringify(row);
    for (const raw of ['Jane Doe', 'jane.doe@example.com', '555-123-4567', '12 Main St', '203.0.113.7', '4111 1111 1111 1111', '4111111111111111']) expect(text).not.toContain(raw);
    expect(row).toMatchObject({
      email_address_token: deps.pii.pseudonymiser.token('email', 'jane.doe@example.com'), email_address_masked: 'j***@example.com',
      customer_name_masked: 'J*** D***', phone_masked: '********4567', ip_address_masked: '203.0.113.x', customer_job: 'paid with ************1111',
      billing_latitude: 39.78, card_bin: 411111,
    });
    expect(row!.customer_name_token).toBe(deps.pii.pseudonymiser.token('name', 'Jane Doe'));
    expect(row!.billing_street_token).toMatch(/^tok:v1:/);
    expect(row!.email_address).toBeUndefined();
  });

  it('LAKE_PII=raw writes the raw values beside the tokens, and still never a card number', async () => {
    const { deps } = setup(testPolicy({ mode: 'raw' }));
    await actBatch([recordOf({ ...scored(9, 'approve', 10), user_agent: 'x 4111-1111-1111-1111' }, 300, 'processed_transactions', 2)], deps);
    const [row] = await lakeRows(deps);
    expect(row).toMatchObject({ customer_name: 'Jane Doe', email_address: 'jane.doe@example.com', email_address_masked: 'j***@example.com', user_agent: 'x ************1111' });
    expect(row!.email_address_token).toMatch(/^tok:v1:/);
  });

  it.each<[string, (s: ScoredTransaction) => object, string]>([
    ['a time to detect of 1e308 ms', (s) => ({ ...s, fd: { ...s.fd, ttdf_ms: 1e308 } }), 'fd.ttdf_ms'],
    ['an event in year 0 (year -1 in UTC)', (s) => ({ ...s, event_time: '0000-01-01T00:00:00+01:00' }), 'event_time'],
  ])('dead-letters %s instead of writing it to the lake', async (_name, make, field) => {
    // Prepare
    const { deps, topics } = setup();
    // Act
    const summary = await actBatch([recordOf(make(scored(9, 'block', 10)), 300, 'processed_transactions', 2)], deps);
    // Assess
    expect(summary).toMatchObject({ written: 0, deadLettered: 1, alerts: 0 });
    expect(JSON.parse(topics.readAll('dlq')[0]!.value.toString()).error).toMatchObject({ kind: 'schema', field });
    expect(await deps.store.list('lake')).toEqual([]);
  });
});

describe('Pipeline: actBatch log', () => {
  it('logs the alert with its event id and event time whole (no digit group of the UUID masked), PII still masked', async () => {
    // Prepare: an event id whose UUID groups are all digits, as about one simulated id in 2,000 is
    const { deps, dir } = setup();
    const lines: string[] = [];
    const log = createLogger('notifier.outbox', { sink: (l) => lines.push(l) });
    deps.notifier = new OutboxNotifier(join(dir, 'outbox'), 'alerts', (line) => log.info(line));
    const id = '12345678-1234-4123-a123-123456789012';
    const tx = { ...scored(1, 'block', 10), event_id: id };
    // Act
    await actBatch([recordOf(tx, 7, 'processed_transactions', 0)], deps);
    // Assess
    expect(JSON.parse(lines[0]!).message).toBe(`ALERT Fraud block: ${tx.transaction_amt.toFixed(2)} USD (${id})`);
    const alert = JSON.parse(readFileSync(join(dir, 'outbox', 'alerts.jsonl'), 'utf8'));
    expect(alert.body).toMatchObject({ event_id: id, event_time: tx.event_time });
    expect(JSON.stringify(alert)).not.toContain(tx.email_address);
  });
});
