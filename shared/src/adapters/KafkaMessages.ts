import type { KafkaMessage, Message, RetryOptions } from 'kafkajs';
import type { OutgoingMessage, TopicRecord } from '../ports/Topics.js';

/**
 * Client retries long enough to ride out a broker restart (about a minute in all): a retry inside the
 * idempotent producer keeps its sequence numbers, so the broker drops what it already has, while a
 * retry by the caller would write a second copy.
 */
export const kafkaRetry: RetryOptions = { initialRetryTime: 300, maxRetryTime: 10_000, retries: 12 };

/** Port messages -> kafkajs messages (the key picks the partition with Kafka's murmur2 partitioner). */
export function toKafkaMessages(messages: OutgoingMessage[]): Message[] {
  return messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers, timestamp: m.timestamp === undefined ? undefined : String(m.timestamp) }));
}

/** A fetched kafkajs message -> the port's TopicRecord (headers as UTF-8 strings, offset as a decimal string). */
export function toTopicRecord(topic: string, partition: number, m: KafkaMessage): TopicRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.headers ?? {})) {
    if (v === undefined) continue;
    headers[k] = (Array.isArray(v) ? v[v.length - 1]! : v).toString();
  }
  return { topic, partition, offset: m.offset, timestamp: Number(m.timestamp), key: m.key ?? null, value: m.value ?? Buffer.alloc(0), headers };
}
