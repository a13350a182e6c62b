import { Kafka, Partitioners, logLevel, type Producer, type KafkaConfig } from 'kafkajs';
import type { OutgoingMessage, Topics } from '../ports/Topics.js';
import { AdapterError } from '../errors.js';
import { chunkBySize, compressionType, DEFAULT_MAX_REQUEST_BYTES, kafkaRetry, toKafkaMessages, type KafkaCompression } from './KafkaMessages.js';

export interface KafkaTopicsOptions {
  brokers: string[];
  clientId?: string;
  /** Extra kafkajs settings (TLS, SASL for MSK IAM). */
  kafka?: Partial<KafkaConfig>;
  /** Producer compression (default none, as the txn service's KAFKA_COMPRESSION). */
  compression?: KafkaCompression;
  /** Most message bytes per produce request (default DEFAULT_MAX_REQUEST_BYTES); larger sends go in pieces. */
  maxRequestBytes?: number;
}

/**
 * Topics over Kafka (kafkajs): an idempotent producer with acks=-1 and compression, keyed messages so each
 * entity's events stay in order on one partition; topics are created with the configured partition count.
 */
export class KafkaTopics implements Topics {
  readonly kafka: Kafka;
  private producer: Producer | undefined;
  private connecting: Promise<Producer> | undefined;

  constructor(private readonly options: KafkaTopicsOptions) {
    if (options.brokers.length === 0) throw new AdapterError('KafkaTopics', 'no brokers configured (set KAFKA_BROKERS)');
    this.kafka = new Kafka({ clientId: options.clientId ?? 'sfc', brokers: options.brokers, logLevel: logLevel.WARN, retry: kafkaRetry, ...options.kafka });
  }

  private async connected(): Promise<Producer> {
    this.connecting ??= (async () => {
      const p = this.kafka.producer({ idempotent: true, maxInFlightRequests: 5, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await p.connect();
      this.producer = p;
      return p;
    })();
    return this.connecting;
  }

  async ensureTopics(topics: { name: string; partitions: number }[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.name));
      if (missing.length > 0) {
        await admin.createTopics({ waitForLeaders: true, topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: -1 })) });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    const producer = await this.connected();
    try {
      // In order, one piece at a time: a key's messages keep their order across pieces.
      for (const piece of chunkBySize(messages, this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES)) {
        await producer.send({ topic, acks: -1, compression: compressionType(this.options.compression), messages: toKafkaMessages(piece) });
      }
    } catch (err) {
      throw new AdapterError('KafkaTopics', `send to ${topic} failed: ${(err as Error).message}`, { cause: err, retriable: (err as { retriable?: boolean }).retriable ?? true });
    }
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
    this.connecting = undefined;
  }
}
