import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { OutboxNotifier, type ScoredTransaction } from '@sfc/shared';
import { SnsNotifier } from '@sfc/shared/adapters/SnsNotifier.js';
import { alertPayload, sendAlertsOnce } from '../../src/alerts/sendAlertsOnce.js';
import { alertLedgerFrom } from '../../src/deps/alertLedger.js';
import { loadTxnConfig } from '../../src/config.js';
import { validTransaction } from '../../../../shared/test/fixtures/transaction.js';
import { failingSns } from '../../../../shared/test/support/failingSns.js';
import { startMoto, uniqueName, type Moto } from '../../../../shared/test/support/moto.js';

const blocked = (n: number, from = 0): ScoredTransaction[] => Array.from({ length: n }, (_, i) => ({
  ...validTransaction({ event_id: `evt-${from + i}` }),
  fd: { outcome: 'block', score: 950, model_version: 'm', reasons: ['new device'], ttdf_ms: 5, proc_time_ms: 0.1, model_time_ms: 0.01 },
}));

const fsLedger = (dir: string) => alertLedgerFrom(loadTxnConfig({ DATA_DIR: dir, IDEMPOTENCY_STORE: 'fs' }));
const outboxLines = (dir: string) => readFileSync(join(dir, 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { body: { event_id: string } });

describe('Alerts: sendAlertsOnce (files)', () => {
  it('alerts once per event id when a batch is retried, and once more for a batch that overlaps it', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'alerts-'));
    const notifier = new OutboxNotifier(join(dir, 'outbox'), 'alerts', null);
    const ledger = await fsLedger(dir);
    // Act
    const first = await sendAlertsOnce(blocked(25), notifier, ledger);
    const retried = await sendAlertsOnce(blocked(25), notifier, ledger);
    const overlap = await sendAlertsOnce(blocked(10, 20), notifier, await fsLedger(dir)); // a restarted process
    // Assess
    expect([first, retried, overlap]).toEqual([{ sent: 25, suppressed: 0 }, { sent: 0, suppressed: 25 }, { sent: 5, suppressed: 5 }]);
    const ids = outboxLines(dir).map((l) => l.body.event_id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('alerts again for another transaction under a reused event id, not for the same one decided again', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'alerts-'));
    const notifier = new OutboxNotifier(join(dir, 'outbox'), 'alerts', null);
    const ledger = await fsLedger(dir);
    const [tx] = blocked(1);
    await sendAlertsOnce([tx!], notifier, ledger);
    // Act: the same transaction with other timings (a replay), then another transaction with its id
    const replayed = await sendAlertsOnce([{ ...tx!, fd: { ...tx!.fd, ttdf_ms: 999, proc_time_ms: 3 } }], notifier, ledger);
    const reused = await sendAlertsOnce([{ ...tx!, entity_id: 'someone-else', transaction_amt: 99_999 }], notifier, ledger);
    // Assess
    expect([replayed, reused]).toEqual([{ sent: 0, suppressed: 1 }, { sent: 1, suppressed: 0 }]);
    expect(outboxLines(dir)).toHaveLength(2);
  });

  it('without a ledger alerts every time (IDEMPOTENCY_STORE=none)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alerts-'));
    const notifier = new OutboxNotifier(join(dir, 'outbox'), 'alerts', null);
    const ledger = await alertLedgerFrom(loadTxnConfig({ DATA_DIR: dir, IDEMPOTENCY_STORE: 'none' }));
    await sendAlertsOnce(blocked(3), notifier, ledger);
    await sendAlertsOnce(blocked(3), notifier, ledger);
    expect(ledger).toBeUndefined();
    expect(outboxLines(dir)).toHaveLength(6);
  });

  it('fails the batch (retriable) while another attempt holds an alert in progress', async () => {
    // Prepare: an attempt that crashed after taking evt-1 left it in progress
    const dir = mkdtempSync(join(tmpdir(), 'alerts-'));
    const ledger = (await fsLedger(dir))!;
    ledger.store.configure({ config: ledger.config });
    await ledger.store.saveInProgress(alertPayload(blocked(2)[1]!), 60_000);
    const notifier = new OutboxNotifier(join(dir, 'outbox'), 'alerts', null);
    // Act
    const err = await sendAlertsOnce(blocked(3), notifier, ledger).then(() => undefined, (e: unknown) => e);
    // Assess: the other two went out, once each; the batch fails so evt-1 is tried again, never dropped.
    // Their order is no promise: a round's records are written concurrently (and SNS does not order either).
    expect(err).toMatchObject({ name: 'TxnError', retriable: true });
    expect(String((err as Error).message)).toMatch(/1 of 3 alerts not sent \(2 sent now\).*IdempotencyAlreadyInProgressError/);
    expect(outboxLines(dir).map((l) => l.body.event_id).sort()).toEqual(['evt-0', 'evt-2']);
  });
  it('sends each alert once in no fixed order: a slow record write does not hold the others back', async () => {
    // Prepare: the idempotency record of evt-0 takes longer to write (a busy disk or a DynamoDB retry)
    const dir = mkdtempSync(join(tmpdir(), 'alerts-'));
    const ledger = (await fsLedger(dir))!;
    const save = ledger.store.saveInProgress.bind(ledger.store);
    ledger.store.saveInProgress = async (data: Parameters<typeof save>[0], remainingMs?: number) => {
      if ((data as { event_id: string }).event_id === 'evt-0') await new Promise((r) => setTimeout(r, 50));
      return save(data, remainingMs);
    };
    const notifier = new OutboxNotifier(join(dir, 'outbox'), 'alerts', null);
    // Act
    const result = await sendAlertsOnce(blocked(3), notifier, ledger);
    // Assess: all three went out once; the order the batch had is not kept (so tests compare sets)
    const ids = outboxLines(dir).map((l) => l.body.event_id);
    expect(result).toEqual({ sent: 3, suppressed: 0 });
    expect([...ids].sort()).toEqual(['evt-0', 'evt-1', 'evt-2']);
    expect(ids).not.toEqual(['evt-0', 'evt-1', 'evt-2']);
  });
});

describe('Alerts: sendAlertsOnce (DynamoDB + SNS on moto)', () => {
  let moto: Moto;
  let sns: SNSClient;
  let ddb: DynamoDBClient;
  beforeAll(async () => {
    moto = await startMoto();
    sns = new SNSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    ddb = new DynamoDBClient({ endpoint: moto.endpoint, region: 'us-east-1' });
  });
  afterAll(async () => {
    sns?.destroy();
    ddb?.destroy();
    await moto?.stop();
  });

  async function sentTo(topicArn: string): Promise<string[]> {
    const data = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as { sns: { Topic: { arn: string; sent_notifications: [string, string][] }[] } };
    const topic = data.sns.Topic.find((t) => t.arn === topicArn);
    return (topic?.sent_notifications ?? []).map(([, message]) => (JSON.parse(message) as { event_id: string }).event_id);
  }

  it('sends exactly one alert per block through a partial SNS failure and a failed call, over three attempts', async () => {
    // Prepare: a ledger table as the template declares it, a topic, and an SNS that fails evt-7 and
    // evt-31 once each and the 2nd PublishBatch call whole
    const table = uniqueName('idempotency');
    await ddb.send(new CreateTableCommand({
      TableName: table, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }));
    const topicArn = (await sns.send(new CreateTopicCommand({ Name: uniqueName('alerts') }))).TopicArn!;
    const failedOnce = new Set<string>();
    const faulty = failingSns(sns, {
      failEntry: (e) => {
        const id = (JSON.parse(e.Message!) as { event_id: string }).event_id;
        if (!['evt-7', 'evt-31'].includes(id) || failedOnce.has(id)) return false;
        failedOnce.add(id);
        return true;
      },
      failCall: 2,
    });
    const notifier = new SnsNotifier({ topicArn, client: faulty });
    const ledger = await alertLedgerFrom(loadTxnConfig({ IDEMPOTENCY_STORE: 'dynamodb', IDEMPOTENCY_TABLE: table, AWS_ENDPOINT_URL: moto.endpoint }));
    const batch = blocked(40);
    // Act: as Lambda retries a failed batch
    const attempts: unknown[] = [];
    for (let i = 0; i < 4; i += 1) attempts.push(await sendAlertsOnce(batch, notifier, ledger).catch((e: unknown) => e));
    // Assess: the first attempt fails (evt-7, evt-31 and the 10 of call 2 not sent), a later one
    // sends exactly what is missing (one more retry when evt-7 or evt-31 was in call 2), the last none
    expect(attempts[0]).toMatchObject({ name: 'TxnError', retriable: true });
    const sentBy = attempts.map((a) => (a instanceof Error ? Number(/\((\d+) sent now\)/.exec(a.message)![1]) : (a as { sent: number }).sent));
    expect(Number(/^(\d+) of 40 alerts not sent/.exec((attempts[0] as Error).message)![1])).toBeGreaterThanOrEqual(10);
    expect(sentBy.reduce((x, y) => x + y, 0)).toBe(40);
    expect(attempts[3]).toEqual({ sent: 0, suppressed: 40 });
    const sent = await sentTo(topicArn);
    expect(sent).toHaveLength(40);
    expect(new Set(sent)).toEqual(new Set(batch.map((t) => t.event_id)));
  });
});
