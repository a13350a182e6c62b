import { Partitioners, type Kafka, type Producer, type Transaction } from 'kafkajs';
import type { OutgoingMessage, TopicProducer } from '../ports/Topics.js';
import { AdapterError } from '../errors.js';
import { chunkBySize, compressionType, DEFAULT_MAX_REQUEST_BYTES, toKafkaMessages, type KafkaCompression } from './KafkaMessages.js';

/** The next offset to read in one partition, as a consumer group commits it. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

export interface KafkaTransactionsOptions {
  kafka: Kafka;
  /** Stable per worker instance: a restarted instance fences its crashed predecessor and aborts its open transaction. */
  transactionalId: string;
  /** How long an abandoned transaction may hold back read_committed consumers. */
  transactionTimeoutMs?: number;
  /** Producer compression (default none, as the txn service's KAFKA_COMPRESSION). */
  compression?: KafkaCompression;
  /** Most message bytes per produce request (default DEFAULT_MAX_REQUEST_BYTES); larger sends go in pieces. */
  maxRequestBytes?: number;
}

/**
 * A transactional producer for consume-transform-produce: everything sent between two commits, and
 * the consumer offsets of the batch that caused it, become visible together or not at all.
 */
export class KafkaTransactions implements TopicProducer {
  private producer: Producer | undefined;
  private txn: Transaction | undefined;

  constructor(private readonly o: KafkaTransactionsOptions) {}

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    try {
      const txn = await this.current();
      for (const piece of chunkBySize(messages, this.o.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES)) {
        await txn.send({ topic, compression: compressionType(this.o.compression), messages: toKafkaMessages(piece) });
      }
    } catch (err) {
      await this.reset();
      throw new AdapterError('KafkaTransactions', `send to ${topic} failed: ${(err as Error).message}`, { cause: err, retriable: true });
    }
  }

  /** Adds the batch's offsets to the open transaction and commits both. */
  async commitOffsets(groupId: string, offsets: PartitionOffset[]): Promise<void> {
    try {
      const txn = await this.current();
      await txn.sendOffsets({ consumerGroupId: groupId, topics: byTopic(offsets) });
      await txn.commit();
      this.txn = undefined;
    } catch (err) {
      await this.reset();
      // The commit may have reached the coordinator before the error: a new producer with our id first
      // completes or aborts that transaction, after which the group's offsets say which happened.
      await this.current();
      if (await this.committed(groupId, offsets)) return;
      throw new AdapterError('KafkaTransactions', `commit of ${groupId} offsets failed: ${(err as Error).message}`, { cause: err, retriable: true });
    }
  }

  /** Drops what the failed attempt sent: read_committed consumers never see it. */
  async abort(): Promise<void> {
    const txn = this.txn;
    this.txn = undefined;
    if (!txn?.isActive()) return;
    try {
      await txn.abort();
    } catch {
      await this.reset();
    }
  }

  async close(): Promise<void> {
    await this.abort();
    await this.reset();
  }

  private async current(): Promise<Transaction> {
    if (this.txn) return this.txn;
    if (!this.producer) {
      const p = this.o.kafka.producer({ transactionalId: this.o.transactionalId, idempotent: true, maxInFlightRequests: 1, transactionTimeout: this.o.transactionTimeoutMs ?? 15_000, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await p.connect();
      this.producer = p;
    }
    this.txn = await this.producer.transaction();
    return this.txn;
  }

  private async reset(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    this.txn = undefined;
    await p?.disconnect().catch(() => undefined);
  }

  private async committed(groupId: string, offsets: PartitionOffset[]): Promise<boolean> {
    const admin = this.o.kafka.admin();
    await admin.connect();
    try {
      for (const { topic, partitions } of byTopic(offsets)) {
        const [fetched] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const at = new Map(fetched!.partitions.map((p) => [p.partition, BigInt(p.offset)]));
        if (partitions.some((o) => (at.get(o.partition) ?? -1n) < BigInt(o.offset))) return false;
      }
      return true;
    } finally {
      await admin.disconnect();
    }
  }
}

/** Offsets grouped the way kafkajs takes them. */
export function byTopic(offsets: PartitionOffset[]): { topic: string; partitions: { partition: number; offset: string }[] }[] {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets) {
    let list = topics.get(topic);
    if (!list) topics.set(topic, (list = []));
    list.push({ partition, offset });
  }
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
}
