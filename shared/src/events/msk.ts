import type { TopicRecord } from '../ports/Topics.js';

/** One record of an MSK / self-managed Kafka event, as Lambda delivers it. */
export interface MskRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CREATE_TIME' | 'LOG_APPEND_TIME';
  key?: string;
  value: string;
  headers: Record<string, number[]>[];
}

/** The event Lambda receives from an MSK event source mapping: records grouped by `topic-partition`. */
export interface MskEvent {
  eventSource: 'aws:kafka' | 'SelfManagedKafka';
  eventSourceArn?: string;
  bootstrapServers?: string;
  records: Record<string, MskRecord[]>;
}

/** Builds the exact MSK event shape (base64 key and value, byte-array headers) from topic records. */
export function toMskEvent(records: TopicRecord[], source: { arn?: string; bootstrapServers?: string } = {}): MskEvent {
  const grouped: Record<string, MskRecord[]> = {};
  for (const r of records) {
    const rec: MskRecord = {
      topic: r.topic,
      partition: r.partition,
      offset: Number(r.offset),
      timestamp: r.timestamp,
      timestampType: 'CREATE_TIME',
      value: r.value.toString('base64'),
      headers: Object.entries(r.headers).map(([k, v]) => ({ [k]: [...Buffer.from(v)] })),
    };
    if (r.key !== null) rec.key = r.key.toString('base64');
    (grouped[`${r.topic}-${r.partition}`] ??= []).push(rec);
  }
  return {
    eventSource: 'aws:kafka',
    ...(source.arn ? { eventSourceArn: source.arn } : {}),
    ...(source.bootstrapServers ? { bootstrapServers: source.bootstrapServers } : {}),
    records: grouped,
  };
}

/** Decoded view of one MSK record (key and value as bytes), in event order. */
export interface DecodedMskRecord {
  topic: string;
  partition: number;
  offset: string;
  timestamp: number;
  key: string | null;
  value: Buffer;
}

/** Flattens an MSK event into its records, partition by partition, decoding base64. */
export function fromMskEvent(event: MskEvent): DecodedMskRecord[] {
  const out: DecodedMskRecord[] = [];
  for (const records of Object.values(event.records ?? {})) {
    for (const r of records) {
      out.push({
        topic: r.topic,
        partition: r.partition,
        offset: String(r.offset),
        timestamp: r.timestamp,
        key: r.key === undefined || r.key === null ? null : Buffer.from(r.key, 'base64').toString('utf8'),
        value: Buffer.from(r.value ?? '', 'base64'),
      });
    }
  }
  return out;
}
