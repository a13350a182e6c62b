import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { createServer, type Server } from 'node:http';
import { snsSubject, SnsNotifier } from '../../src/adapters/SnsNotifier.js';
import { AdapterError, PartialPublishError } from '../../src/errors.js';
import { notifierContract, type Delivered } from '../contracts/notifier.contract.js';
import { failingSns } from '../support/failingSns.js';
import { startMoto, uniqueName, type Moto } from '../support/moto.js';

let moto: Moto;
let client: SNSClient;

beforeAll(async () => {
  moto = await startMoto();
  client = new SNSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
});
afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

const freshTopic = async () => (await client.send(new CreateTopicCommand({ Name: uniqueName('alerts') }))).TopicArn!;

/** The messages moto's SNS backend accepted for a topic: [id, message, subject, attributes, group]. */
async function publishedTo(topicArn: string): Promise<Delivered[]> {
  type Sent = [string, string, string | null, Record<string, { Type: string; Value: string }>, unknown];
  const data = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as {
    sns: { Topic: { arn: string; sent_notifications: Sent[] }[] };
  };
  const topic = data.sns.Topic.find((t) => t.arn === topicArn);
  return (topic?.sent_notifications ?? []).map(([, message, subject, attributes]) => ({
    subject: subject ?? '',
    body: JSON.parse(message) as Record<string, unknown>,
    attributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, v.Value])),
  }));
}

notifierContract('SnsNotifier (moto)', async () => {
  const topicArn = await freshTopic();
  return { notifier: new SnsNotifier({ topicArn, client }), delivered: () => publishedTo(topicArn) };
});

/** An HTTP endpoint subscribed to SNS: collects the notification envelopes moto POSTs to it. */
async function httpSubscriber(): Promise<{ url: string; received: Record<string, string>[]; server: Server }> {
  const received: Record<string, string>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { received.push(JSON.parse(body) as Record<string, string>); res.end(); });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/alerts`, received, server };
}

describe('Class: SnsNotifier', () => {
  it('sends 23 notifications as 3 PublishBatch calls (SNS takes 10 per call)', async () => {
    // Prepare
    const topicArn = await freshTopic();
    const sent: string[] = [];
    const counting = { send: (command: { constructor: { name: string } }) => (sent.push(command.constructor.name), client.send(command as never)) } as unknown as SNSClient;
    const notifier = new SnsNotifier({ topicArn, client: counting });
    // Act
    await notifier.publishMany(Array.from({ length: 23 }, (_, i) => ({ subject: `block txn-${i}`, body: { event_id: `txn-${i}` } })));
    // Assess
    expect(sent).toEqual(['PublishBatchCommand', 'PublishBatchCommand', 'PublishBatchCommand']);
    expect((await publishedTo(topicArn)).map((d) => d.body.event_id)).toEqual(Array.from({ length: 23 }, (_, i) => `txn-${i}`));
  });

  it('delivers to a subscriber whose filter policy matches the attributes, and only to it', async () => {
    // Prepare
    const topicArn = await freshTopic();
    const sub = await httpSubscriber();
    await client.send(new SubscribeCommand({
      TopicArn: topicArn, Protocol: 'http', Endpoint: sub.url,
      Attributes: { FilterPolicy: JSON.stringify({ decision: ['block'] }) },
    }));
    const notifier = new SnsNotifier({ topicArn, client });
    // Act
    await notifier.publish({ subject: 'review txn-1', body: { event_id: 'txn-1' }, attributes: { decision: 'review' } });
    await notifier.publish({ subject: 'block txn-2', body: { event_id: 'txn-2', email: 'a.b@example.org' }, attributes: { decision: 'block' } });
    // Assess
    sub.server.close();
    expect(sub.received.map((m) => m.Subject)).toEqual(['block txn-2']);
    expect(JSON.parse(sub.received[0]!.Message!)).toEqual({ event_id: 'txn-2', email: 'a***@example.org' });
  });

  it('names exactly the entries SNS failed, across batches, and delivers all the others', async () => {
    // Prepare: SNS answers entries 3 and 14 as failed (server side) and rejects the whole third call
    const topicArn = await freshTopic();
    const faulty = failingSns(client, { failEntry: (e) => e.Id === '3' || e.Id === '14', failCall: 3 });
    const notifier = new SnsNotifier({ topicArn, client: faulty });
    const batch = Array.from({ length: 25 }, (_, i) => ({ subject: `block txn-${i}`, body: { event_id: `txn-${i}` } }));
    // Act
    const err = await notifier.publishMany(batch).then(() => undefined, (e: unknown) => e);
    // Assess
    expect(err).toBeInstanceOf(PartialPublishError);
    const partial = err as PartialPublishError;
    expect(partial.failed).toEqual([3, 14, 20, 21, 22, 23, 24]);
    expect(partial).toMatchObject({ delivered: 18, retriable: true });
    const delivered = (await publishedTo(topicArn)).map((d) => d.body.event_id);
    expect(delivered).toEqual(batch.map((b) => b.body.event_id).filter((_, i) => !partial.failed.includes(i)));
  });

  it('cuts a long subject to SNS limit of 100 characters and scrubs what SNS rejects', async () => {
    const topicArn = await freshTopic();
    const notifier = new SnsNotifier({ topicArn, client });
    const long = `Fraud alert for jane.doe@example.com\non card 4111 1111 1111 1111 ${'x'.repeat(200)} ✓`;

    await notifier.publish({ subject: long, body: {} });

    const [sent] = await publishedTo(topicArn);
    expect(sent!.subject).toHaveLength(100);
    expect(sent!.subject).toBe(snsSubject(long));
    expect(sent!.subject).not.toMatch(/jane\.doe|4111 1111|\n/);
  });

  it.each([
    ['short and clean', 'short and clean'],
    ['  line\r\nbreak\ttab  ', 'line break tab'],
    ['café ✓', 'caf? ?'],
    ['', 'alert'],
  ])('snsSubject(%p) = %p', (input, expected) => {
    expect(snsSubject(input)).toBe(expected);
  });

  it('rejects a value that is not a topic ARN', () => {
    expect(() => new SnsNotifier({ topicArn: 'alerts', client })).toThrow(AdapterError);
  });

  it('wraps a publish to a missing topic in a non-retriable AdapterError', async () => {
    const notifier = new SnsNotifier({ topicArn: 'arn:aws:sns:us-east-1:123456789012:does-not-exist', client });

    await expect(notifier.publish({ subject: 's', body: {} })).rejects.toMatchObject({ name: 'AdapterError', retriable: false });
  });

  it('refuses a message larger than SNS accepts before sending it', async () => {
    const notifier = new SnsNotifier({ topicArn: await freshTopic(), client });

    await expect(notifier.publish({ subject: 's', body: { rows: Array.from({ length: 30_000 }, (_, i) => `row ${i}`) } })).rejects.toThrow(/exceeds SNS/);
  });
});
