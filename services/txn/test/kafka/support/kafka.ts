import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaTopics } from '@sfc/shared/adapters/KafkaTopics.js';

export const brokers = (): string[] => (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);

/** A run-unique name, so tests never see each other's topics or groups. */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export const testKafka = () => new Kafka({ clientId: 'sfc-test', brokers: brokers(), logLevel: logLevel.NOTHING });

export const testTopics = () => new KafkaTopics({ brokers: brokers(), clientId: 'sfc-test', kafka: { logLevel: logLevel.NOTHING } });

/** The group's committed next offset per partition (-1 = none). */
export async function committedOffsets(kafka: Kafka, groupId: string, topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map(t!.partitions.map((p) => [p.partition, Number(p.offset)]));
  } finally {
    await admin.disconnect();
  }
}
