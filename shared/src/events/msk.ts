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
  /** Epoch milliseconds, finite; NaN only when `malformed` says why. */
  timestamp: number;
  key: string | null;
  value: Buffer;
  /**
   * Set when the record itself is malformed (a value, key or timestamp of the wrong type, as a
   * hand-written or corrupted event can carry): it is dead-lettered with this reason, its siblings go on.
   */
  malformed?: { field: string; reason: string };
}

const typeName = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** What is wrong with one record's fields, if anything (Lambda always sends these as checked here). */
function malformation(r: Partial<Record<keyof MskRecord, unknown>>): DecodedMskRecord['malformed'] {
  if (typeof r.value !== 'string') return { field: 'value', reason: `record value must be a base64 string, got ${typeName(r.value)}` };
  if (r.key !== undefined && r.key !== null && typeof r.key !== 'string') return { field: 'key', reason: `record key must be a base64 string or absent, got ${typeName(r.key)}` };
  // Kafka marks a record without a timestamp with -1.
  const t = r.timestamp;
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
    return { field: 'timestamp', reason: `record timestamp must be epoch milliseconds, got ${typeof t === 'number' ? String(t) : typeName(t)}` };
  }
  return undefined;
}

/**
 * Flattens an MSK event into its records, partition by partition, decoding base64. Never throws for
 * one bad record: a record whose fields have the wrong type comes back `malformed`, with an empty value.
 */
export function fromMskEvent(event: MskEvent): DecodedMskRecord[] {
  const out: DecodedMskRecord[] = [];
  for (const records of Object.values(event.records ?? {})) {
    for (const r of Array.isArray(records) ? records : []) {
      const malformed = malformation(r ?? {});
      const topic = typeof r?.topic === 'string' ? r.topic : String(r?.topic);
      const partition = Number.isInteger(r?.partition) && r.partition >= 0 ? r.partition : 0;
      if (malformed) {
        out.push({ topic, partition, offset: String(r?.offset), timestamp: Number.NaN, key: null, value: Buffer.alloc(0), malformed });
        continue;
      }
      out.push({
        topic,
        partition,
        offset: String(r.offset),
        timestamp: r.timestamp,
        key: r.key === undefined || r.key === null ? null : Buffer.from(r.key, 'base64').toString('utf8'),
        value: Buffer.from(r.value, 'base64'),
      });
    }
  }
  return out;
}
