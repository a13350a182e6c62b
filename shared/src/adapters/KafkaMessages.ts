import { CompressionTypes, type KafkaMessage, type Message, type RetryOptions } from 'kafkajs';
import type { OutgoingMessage, TopicRecord } from '../ports/Topics.js';
import { runsOf } from '../util/runs.js';

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

/** Compression codecs kafkajs has without plugins. */
export type KafkaCompression = 'gzip' | 'none';
export const compressionType = (c: KafkaCompression | undefined): CompressionTypes => (c === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None);

/**
 * Most bytes (keys, values, headers) one produce request carries. kafkajs puts a request's messages
 * for one partition into one record batch, and the broker rejects a batch over `message.max.bytes`
 * (1 MiB by default, on MSK too) for ever, so a large batch is sent in pieces that fit even uncompressed.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 768 * 1024;

const byteSize = (v: Buffer | string | null | undefined): number => (v == null ? 0 : typeof v === 'string' ? Buffer.byteLength(v) : v.byteLength);

/** Splits messages, in order, into runs of at most `maxBytes` (a single larger message goes alone). */
export function chunkBySize(messages: OutgoingMessage[], maxBytes: number): OutgoingMessage[][] {
  return runsOf(messages, { maxBytes, sizeOf: recordSize });
}

function recordSize(m: OutgoingMessage): number {
  // 70 bytes: the per-record overhead of the v2 format (length, attributes, deltas, header counts), rounded up.
  let size = 70 + byteSize(m.key) + byteSize(m.value);
  for (const [k, v] of Object.entries(m.headers ?? {})) size += byteSize(k) + byteSize(v);
  return size;
}
