import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { TopicRecord } from '../ports/Topics.js';
import type { Logger } from '../logger/logger.js';
import type { RecordSource } from './RecordSource.js';
import { toTopicRecord } from '../adapters/KafkaMessages.js';
import { kafkaLag } from './KafkaLag.js';
import type { PartitionOffset } from '../adapters/KafkaTransactions.js';
import { AdapterError } from '../errors.js';

export interface KafkaRecordSourceOptions {
  kafka: Kafka;
  groupId: string;
  topic: string;
  /** Commits a handled batch's offsets; default the group's offset commit (exactly-once `score` commits them in its transaction). */
  commit?: (offsets: PartitionOffset[]) => Promise<void>;
  /** Undoes a handled batch that will not be committed because its partitions moved (exactly-once `score` aborts its transaction). */
  abandon?: () => Promise<void>;
  /** Called with this member's partitions of the topic after each group join (rebalance). */
  onAssign?: (partitions: number[]) => void;
  /** How long an empty poll waits for the first record before answering [] (a window starts at the first record). */
  idleWaitMs?: number;
  /** Most bytes one fetch takes from a partition (default FETCH_MAX_BYTES_PER_PARTITION). */
  maxBytesPerPartition?: number;
  logger?: Logger;
}

/**
 * Fetch sizes. kafkajs fetches again only once every partition of the last fetch is handled, so each
 * fetch is a pause in a busy consumer; its 1 MiB per partition default made that pause happen every
 * few batches (measured: 16 MiB per partition raised end-to-end throughput by about a fifth).
 */
export const FETCH_MAX_BYTES_PER_PARTITION = 16 * 1024 * 1024;
const FETCH_MAX_BYTES = 64 * 1024 * 1024;

/** Records kafkajs delivered for one partition, parked until the runner has handled and committed them. */
interface Parked {
  key: string;
  waiting: TopicRecord[];
  inFlight: number;
  revoked: boolean;
  resolveOffset: (offset: string) => void;
  wake: () => void;
}

// A member that lost its partitions must not commit for them; their next owner re-reads them.
const REVOKED = new Set(['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);
/** Whether a kafkajs error (or one it wraps, e.g. after its retries ran out) says this member lost its partitions. */
function lostPartitions(err: unknown): boolean {
  for (let e = err as { type?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (REVOKED.has(e.type ?? '')) return true;
  }
  return false;
}
const tp = (topic: string, partition: number) => `${topic}-${partition}`;

/**
 * A Kafka consumer group as a RecordSource, so EventSourceRunner drives it like Lambda's MSK event
 * source mapping: kafkajs hands each partition's fetched batch to `eachBatch`, which parks until the
 * runner has polled, handled and committed those records (auto-commit off), heartbeating meanwhile.
 */
export class KafkaRecordSource implements RecordSource {
  private readonly consumer: Consumer;
  private readonly parked: Parked[] = [];
  /** Next offset to read per partition, as far as this member committed: re-fetched older records are skipped. */
  private readonly committed = new Map<string, bigint>();
  private readonly inFlight = new Map<string, Parked>();
  private arrived: (() => void) | undefined;
  private started: Promise<void> | undefined;
  private crashed: Error | undefined;

  constructor(private readonly o: KafkaRecordSourceOptions) {
    const perPartition = o.maxBytesPerPartition ?? FETCH_MAX_BYTES_PER_PARTITION;
    this.consumer = o.kafka.consumer({ groupId: o.groupId, maxBytesPerPartition: perPartition, maxBytes: Math.max(FETCH_MAX_BYTES, perPartition), sessionTimeout: 10_000, heartbeatInterval: 3_000, rebalanceTimeout: 60_000, allowAutoTopicCreation: false });
    // kafkajs restarts the consumer after retriable failures (a broker restart); anything else ends polling.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.crashed = payload.error;
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => o.onAssign?.([...(payload.memberAssignment[o.topic] ?? [])].sort((a, b) => a - b)));
  }

  /** Joins the group; resolves once the consumer runs (partitions arrive with the first batches). */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.consumer.connect();
      await this.consumer.subscribe({ topic: this.o.topic, fromBeginning: true });
      await this.consumer.run({ autoCommit: false, eachBatchAutoResolve: false, partitionsConsumedConcurrently: 64, eachBatch: (p) => this.park(p) });
    })();
    return this.started;
  }

  async poll(max: number, windowMs: number): Promise<TopicRecord[]> {
    await this.start();
    if (this.crashed) throw new AdapterError('KafkaRecordSource', `consumer of ${this.o.topic} stopped: ${this.crashed.message}`, { cause: this.crashed });
    const out: TopicRecord[] = [];
    let deadline = Date.now() + (this.o.idleWaitMs ?? 500);
    for (let first = true; ; ) {
      this.take(out, max);
      if (first && out.length > 0) [first, deadline] = [false, Date.now() + windowMs];
      const left = deadline - Date.now();
      if (out.length >= max || left <= 0) return out;
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.arrived = () => (clearTimeout(t), r());
      });
    }
  }

  async commit(records: TopicRecord[]): Promise<void> {
    const last = new Map<string, TopicRecord>();
    for (const r of records) last.set(tp(r.topic, r.partition), r);
    const offsets = [...last.values()].map((r) => ({ topic: r.topic, partition: r.partition, offset: String(BigInt(r.offset) + 1n) }));
    const revoked = () => [...last.keys()].some((key) => this.inFlight.get(key)?.revoked);
    if (revoked()) return this.drop(records);
    try {
      await (this.o.commit ? this.o.commit(offsets) : this.consumer.commitOffsets(offsets));
    } catch (err) {
      if (!lostPartitions(err) && !revoked()) throw err;
      return this.drop(records);
    }
    for (const [key, r] of last) this.committed.set(key, BigInt(r.offset) + 1n);
    for (const r of records) this.release(tp(r.topic, r.partition), r.offset);
  }

  /** Records produced but not yet committed by this group. */
  lag(): Promise<number> {
    return kafkaLag(this.o.kafka, this.o.groupId, this.o.topic);
  }

  /** Leaves the group; records polled but not committed are abandoned, to be re-delivered to the group. */
  async stop(): Promise<void> {
    for (const p of this.parked) [p.revoked, p.waiting, p.inFlight] = [true, [], 0];
    for (const p of this.parked) p.wake();
    await this.consumer.disconnect();
  }

  /** Lets go of a batch whose partitions this member lost: not committed, so their next owner reads it again. */
  private async drop(records: TopicRecord[]): Promise<void> {
    this.o.logger?.warn('partitions revoked before commit; their next owner re-reads the batch', { group: this.o.groupId, records: records.length });
    await this.o.abandon?.();
    for (const r of records) this.release(tp(r.topic, r.partition), undefined);
  }

  private take(out: TopicRecord[], max: number): void {
    for (const p of this.parked) {
      if (p.revoked || out.length >= max) continue;
      const from = this.committed.get(p.key) ?? -1n;
      const taken = p.waiting.splice(0, max - out.length).filter((r) => BigInt(r.offset) >= from);
      if (taken.length === 0) continue;
      p.inFlight += taken.length;
      out.push(...taken);
      this.inFlight.set(p.key, p);
    }
  }

  private release(key: string, offset: string | undefined): void {
    const p = this.inFlight.get(key);
    if (!p) return;
    p.inFlight -= 1;
    if (offset !== undefined) p.resolveOffset(offset);
    if (p.inFlight === 0) p.wake();
  }

  private async park({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const key = tp(batch.topic, batch.partition);
    const from = this.committed.get(key) ?? -1n;
    const waiting = batch.messages.filter((m) => BigInt(m.offset) >= from).map((m) => toTopicRecord(batch.topic, batch.partition, m));
    if (waiting.length === 0) {
      if (batch.messages.length > 0) resolveOffset(batch.lastOffset());
      return;
    }
    let wake = () => {};
    const p: Parked = { key, waiting, inFlight: 0, revoked: false, resolveOffset, wake: () => wake() };
    this.parked.push(p);
    this.arrived?.();
    try {
      while (p.inFlight > 0 || (!p.revoked && p.waiting.length > 0)) {
        await new Promise<void>((r) => {
          const t = setTimeout(r, 1_000);
          wake = () => (clearTimeout(t), r());
        });
        if (!isRunning() || isStale()) [p.revoked, p.waiting] = [true, []];
        else await heartbeat().catch((err: unknown) => void (lostPartitions(err) && ([p.revoked, p.waiting] = [true, []])));
      }
    } finally {
      this.parked.splice(this.parked.indexOf(p), 1);
      if (this.inFlight.get(key) === p) this.inFlight.delete(key);
    }
  }
}
