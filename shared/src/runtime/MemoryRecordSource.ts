import type { MemoryTopics } from '../adapters/MemoryTopics.js';
import type { TopicRecord } from '../ports/Topics.js';
import type { RecordSource } from './RecordSource.js';

/** A consumer group over the in-process log; partitions are visited in turn so none starves. */
export class MemoryRecordSource implements RecordSource {
  private next = 0;

  constructor(private readonly topics: MemoryTopics, private readonly group: string, private readonly topic: string) {}

  async poll(max: number): Promise<TopicRecord[]> {
    const n = this.topics.partitions(this.topic);
    const out: TopicRecord[] = [];
    for (let i = 0; i < n && out.length < max; i++) {
      const p = (this.next + i) % n;
      out.push(...this.topics.fetch(this.group, this.topic, p, max - out.length));
    }
    this.next = (this.next + 1) % Math.max(n, 1);
    return out;
  }

  async commit(records: TopicRecord[]): Promise<void> {
    const last = new Map<number, number>();
    for (const r of records) last.set(r.partition, Math.max(last.get(r.partition) ?? -1, Number(r.offset)));
    for (const [p, offset] of last) this.topics.commit(this.group, this.topic, p, offset + 1);
  }

  async lag(): Promise<number> {
    return this.topics.lag(this.group, this.topic);
  }
}
