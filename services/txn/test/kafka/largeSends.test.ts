import { randomBytes } from 'node:crypto';
import { KafkaTopics } from '@sfc/shared/adapters/KafkaTopics.js';
import { KafkaTransactions } from '@sfc/shared/adapters/KafkaTransactions.js';
import { brokers, testKafka, unique } from './support/kafka.js';

const kafka = testKafka();

// 40 incompressible values of 40 KB under one key: 1.6 MB for one partition, over the broker's
// 1 MiB message.max.bytes even gzipped (a score batch of uncompressed records can be this large).
const values = Array.from({ length: 40 }, () => randomBytes(30_000).toString('base64'));
const messages = values.map((value) => ({ key: 'one-customer', value }));

async function topic(): Promise<string> {
  const name = unique('large');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: 1, replicationFactor: -1 }] });
  await admin.disconnect();
  return name;
}

/** Every value in the topic (committed records only), in offset order. */
async function readAll(name: string, expected: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: unique('reader'), maxBytesPerPartition: 8 * 1024 * 1024 });
  const seen: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: name, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${seen.length} of ${expected}`)), 30_000);
    void consumer.run({ eachMessage: async ({ message }) => {
      seen.push(message.value!.toString());
      if (seen.length === expected) (clearTimeout(timer), resolve());
    } });
  });
  await consumer.disconnect();
  return seen;
}

describe('Kafka producers: sends larger than the broker takes in one request (real broker)', () => {
  it('the premise: the broker rejects 1.6 MB for one partition in one request', async () => {
    // Prepare
    const name = await topic();
    const oneRequest = new KafkaTopics({ brokers: brokers(), clientId: 'sfc-test', maxRequestBytes: 64 * 1024 * 1024, kafka: { logLevel: 0 } });
    // Act / Assess
    await expect(oneRequest.send(name, messages)).rejects.toThrow(/larger than the max message size/);
    await oneRequest.close();
  });

  it('KafkaTopics sends it in pieces, in order', async () => {
    // Prepare
    const name = await topic();
    const topics = new KafkaTopics({ brokers: brokers(), clientId: 'sfc-test', kafka: { logLevel: 0 } });
    // Act
    await topics.send(name, messages);
    await topics.close();
    // Assess
    expect(await readAll(name, values.length)).toEqual(values);
  });

  it('KafkaTransactions sends it in pieces inside one transaction, visible once committed', async () => {
    // Prepare
    const name = await topic();
    const txns = new KafkaTransactions({ kafka, transactionalId: unique('txn'), compression: 'none' });
    // Act
    await txns.send(name, messages);
    await txns.commitOffsets(unique('group'), [{ topic: name, partition: 0, offset: '0' }]);
    await txns.close();
    // Assess
    expect(await readAll(name, values.length)).toEqual(values);
  });
});
