import type { OutgoingMessage, TopicRecord, Topics } from '../ports/Topics.js';
import { AdapterError } from '../errors.js';
import { partitionFor } from '../util/murmur2.js';

interface StoredRecord {
  key: Buffer | null;
  value: Buffer;
  headers: Record<string, string>;
  timestamp: number;
}

/**
 * An in-process topic log with partitions, offsets and consumer-group commits: the embedded
 * default behind `npm start` and fast tests. Partitioning matches Kafka's default partitioner.
 */
export class MemoryTopics implements Topics {
  private readonly logs = new Map<string, StoredRecord[][]>();
  private readonly committed = new Map<string, number>();
  private roundRobin = 0;

  /**
   * @param firstOffset offset of each partition's first record; a per-run base (e.g. the start time)
   * keeps offsets, and so lake object keys, unique across runs of the embedded system.
   */
  constructor(private readonly defaultPartitions = 1, private readonly firstOffset = 0) {}

  async ensureTopics(topics: { name: string; partitions: number }[]): Promise<void> {
    for (const t of topics) if (!this.logs.has(t.name)) this.logs.set(t.name, Array.from({ length: t.partitions }, () => []));
  }

  async send(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (!this.logs.has(topic)) await this.ensureTopics([{ name: topic, partitions: this.defaultPartitions }]);
    const partitions = this.logs.get(topic)!;
    for (const m of messages) {
      const p = m.key === null ? this.roundRobin++ % partitions.length : partitionFor(m.key, partitions.length);
      partitions[p]!.push({
        key: m.key === null ? null : Buffer.from(m.key),
        value: typeof m.value === 'string' ? Buffer.from(m.value) : m.value,
        headers: m.headers ?? {},
        timestamp: m.timestamp ?? Date.now(),
      });
    }
  }

  async close(): Promise<void> {}

  partitions(topic: string): number {
    return this.logs.get(topic)?.length ?? 0;
  }

  /** Next offset to be written in each partition. */
  endOffsets(topic: string): number[] {
    return (this.logs.get(topic) ?? []).map((p) => this.firstOffset + p.length);
  }

  /** Records of one partition from `group`'s committed offset, at most `max`. */
  fetch(group: string, topic: string, partition: number, max: number): TopicRecord[] {
    const log = this.logs.get(topic)?.[partition];
    if (!log) throw new AdapterError('MemoryTopics', `no partition ${topic}-${partition}`);
    const from = (this.committed.get(`${group}/${topic}/${partition}`) ?? this.firstOffset) - this.firstOffset;
    return log.slice(from, from + max).map((r, i) => ({ topic, partition, offset: String(this.firstOffset + from + i), ...r }));
  }

  /** Marks everything before `nextOffset` consumed by `group`. */
  commit(group: string, topic: string, partition: number, nextOffset: number): void {
    this.committed.set(`${group}/${topic}/${partition}`, nextOffset);
  }

  /** Records not yet committed by `group` across all partitions of `topic`. */
  lag(group: string, topic: string): number {
    return this.endOffsets(topic).reduce((sum, end, p) => sum + end - (this.committed.get(`${group}/${topic}/${p}`) ?? this.firstOffset), 0);
  }

  /** Every record of a topic, partition by partition (for tests and summaries). */
  readAll(topic: string): TopicRecord[] {
    return (this.logs.get(topic) ?? []).flatMap((log, partition) =>
      log.map((r, i) => ({ topic, partition, offset: String(this.firstOffset + i), ...r })));
  }
}
