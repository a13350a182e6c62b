import { KafkaTopics } from '@sfc/shared/adapters/KafkaTopics.js';
import type { TxnConfig } from '../config.js';

/** KafkaTopics for the configured brokers; MSK IAM auth is added by the Kafka runtime when KAFKA_AUTH=iam. */
export async function kafkaTopicsFrom(c: TxnConfig): Promise<KafkaTopics> {
  const brokers = c.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean);
  if (c.KAFKA_AUTH === 'iam') {
    const { mskIamKafkaConfig } = await import('./mskIam.js');
    return new KafkaTopics({ brokers, clientId: 'sfc-txn', compression: c.KAFKA_COMPRESSION, kafka: mskIamKafkaConfig() });
  }
  return new KafkaTopics({ brokers, clientId: 'sfc-txn', compression: c.KAFKA_COMPRESSION });
}
