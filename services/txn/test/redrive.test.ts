import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { EventSourceRunner, FsObjectStore, MemoryRecordSource, MemoryTopics, type MskEvent } from '@sfc/shared';
import { queueFailures } from '../../../scripts/redrive/queueFailures.js';
import { redrive } from '../../../scripts/redrive/redrive.js';
import { startMoto, uniqueName, type Moto } from '../../../shared/test/support/moto.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
// The handlers read their configuration from the environment, as in Lambda.
const dataDir = mkdtempSync(join(tmpdir(), 'txn-redrive-'));
Object.assign(process.env, { DATA_DIR: dataDir, TOPICS: 'memory', LOG_LEVEL: 'silent', METRICS_FILE: join(dataDir, 'emf.jsonl') });
const { handler: act } = await import('../src/handlers/act.js');
const { failureDestinationFrom } = await import('../src/local/failureDestination.js');
const { loadTxnConfig } = await import('../src/config.js');

const sample = (name: string): MskEvent => JSON.parse(readFileSync(new URL(`../events/${name}`, import.meta.url), 'utf8')) as MskEvent;

describe('Failures: on-failure destination and npm run redrive', () => {
  it('puts a batch that keeps failing in the failures bucket, moves on, and re-drives it once the fault is gone', async () => {
    // Prepare: the sample scored batch on a topic, and an act whose alerts fail while "SNS is down"
    const topics = new MemoryTopics(1);
    await topics.ensureTopics([{ name: 'processed_transactions', partitions: 1 }]);
    const records = Object.values(sample('msk-processed.json').records).flat();
    await topics.send('processed_transactions', records.map((r) => ({ key: 'k', value: Buffer.from(r.value, 'base64').toString('utf8') })));
    let snsDown = true;
    const attempts: number[] = [];
    const config = loadTxnConfig({ ...process.env, MAX_BATCH_ATTEMPTS: '3' });
    const runner = new EventSourceRunner({
      name: 'act', source: new MemoryRecordSource(topics, 'act', 'processed_transactions'), batchSize: 100, maximumBatchingWindowMs: 0,
      handler: async (event: MskEvent) => {
        attempts.push(Date.now());
        if (snsDown) throw new Error('SNS: ServiceUnavailable');
        return act(event);
      },
      maxAttempts: config.MAX_BATCH_ATTEMPTS, onFailure: await failureDestinationFrom(config, 'act'),
    });
    // Act 1: the runner gives up after 3 attempts, records the batch and commits past it
    await runner.drain();
    const store = new FsObjectStore(dataDir);
    const [key, ...more] = await store.list('failures');
    expect(attempts).toHaveLength(3);
    expect(more).toEqual([]);
    expect(topics.lag('act', 'processed_transactions')).toBe(0);
    const record = JSON.parse(Buffer.from((await store.get('failures', key!))!).toString());
    expect(record).toMatchObject({
      requestContext: { functionArn: 'arn:aws:lambda:local:000000000000:function:sfc-txn-local-act', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      KafkaBatchInfo: { batchSize: 4, recordsInfo: { 'processed_transactions-0': { firstRecordOffset: expect.any(String) } } },
      errorMessage: 'Error: SNS: ServiceUnavailable',
    });
    expect(Object.values((JSON.parse(record.payload) as MskEvent).records).flat()).toHaveLength(4);
    // Act 2: the fault is gone; the documented command replays the batch through the act handler
    snsDown = false;
    const dry = spawnSync('npx', ['tsx', 'scripts/redrive.ts', '--dry-run'], { cwd: REPO_ROOT, encoding: 'utf8', env: process.env, timeout: 120_000 });
    const run = spawnSync('npx', ['tsx', 'scripts/redrive.ts', '--function', 'act'], { cwd: REPO_ROOT, encoding: 'utf8', env: process.env, timeout: 120_000 });
    const again = spawnSync('npx', ['tsx', 'scripts/redrive.ts'], { cwd: REPO_ROOT, encoding: 'utf8', env: process.env, timeout: 120_000 });
    // Assess
    expect(dry.stdout).toContain(`would replay ${key} -> sfc-txn-local-act (RetryAttemptsExhausted after 3 attempts: Error: SNS: ServiceUnavailable)`);
    expect(run.stdout).toContain('1 found, 1 replayed, 0 still failing');
    expect(run.status).toBe(0);
    expect(again.stdout).toContain('0 found, 0 replayed');
    expect(await store.list('failures', 'aws/')).toEqual([]);
    expect(await store.list('failures', 'redriven/')).toEqual([`redriven/${key}`]);
    const lakeRows = (await Promise.all((await store.list('lake')).map(async (k) => Buffer.from((await store.get('lake', k))!).toString().trim().split('\n')))).flat();
    expect(lakeRows).toHaveLength(4);
    expect(readFileSync(join(dataDir, 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

describe('Failures: re-drive from an SQS on-failure queue (moto)', () => {
  let moto: Moto;
  let sqs: SQSClient;
  beforeAll(async () => {
    moto = await startMoto();
    sqs = new SQSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
  });
  afterAll(async () => {
    sqs?.destroy();
    await moto?.stop();
  });

  it('replays each asynchronous invocation with its original event, deletes what succeeded and keeps what failed', async () => {
    // Prepare: two failed scans as Lambda records them for an SQS destination
    const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('scan-failures') }))).QueueUrl!;
    const failed = (key: string) => ({
      version: '1.0', timestamp: '2026-11-25T12:00:00.000Z',
      requestContext: { requestId: 'r', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:sfc-cs-dev-scan:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 3 },
      requestPayload: { Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'uploads' }, object: { key } } }] },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'CsError', errorMessage: '1 of 1 documents failed' },
    });
    for (const key of ['loans/a.pdf', 'loans/b.pdf']) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(failed(key)) }));
    const invoked: { fn: string; key: string }[] = [];
    // Act: b still fails
    const result = await redrive(queueFailures(sqs, queueUrl, 'scan'), async (fn, _arn, payload) => {
      const key = (payload as { Records: { s3: { object: { key: string } } }[] }).Records[0]!.s3.object.key;
      invoked.push({ fn, key });
      if (key === 'loans/b.pdf') throw new Error('still corrupt storage');
    });
    // Assess
    expect(invoked.map((i) => i.key).sort()).toEqual(['loans/a.pdf', 'loans/b.pdf']);
    expect(invoked[0]!.fn).toBe('sfc-cs-dev-scan');
    expect(result).toMatchObject({ found: 2, replayed: 1, failed: [{ error: 'still corrupt storage' }] });
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    expect(Number(attrs.Attributes!.ApproximateNumberOfMessages) + Number(attrs.Attributes!.ApproximateNumberOfMessagesNotVisible)).toBe(1);
  });
});
