import { toMskEvent, type MskEvent } from '../events/msk.js';
import type { Logger } from '../logger/logger.js';
import type { RecordSource } from './RecordSource.js';
import { backoffMs, sleep } from './retry.js';
import { SfcError } from '../errors.js';
import { kafkaFailureRecord, type KafkaFailureRecord } from './failureRecord.js';

/** Where a batch goes once its attempts are used up (an on-failure destination); then the runner moves on. */
export interface FailureDestination {
  functionArn: string;
  send(record: KafkaFailureRecord): Promise<string>;
}

export interface RunnerOptions<R> {
  name: string;
  source: RecordSource;
  handler: (event: MskEvent) => Promise<R>;
  batchSize: number;
  maximumBatchingWindowMs: number;
  /**
   * Attempts per batch before the runner gives up. Without `onFailure` it then throws with the offsets
   * uncommitted (nothing is lost, the next run reads the batch again); with it, see there.
   */
  maxAttempts?: number;
  /**
   * As Lambda's on-failure destination: a batch that failed `maxAttempts` times is written there
   * (the whole event, to re-drive from), its offsets committed, and the runner goes on.
   */
  onFailure?: FailureDestination;
  onFailed?: (key: string, records: number) => void;
  logger?: Logger;
  eventSourceArn?: string;
  onBatch?: (result: R, records: number) => void;
}

/**
 * Behaves like Lambda's MSK event source mapping: gathers a batch, builds the MSK event, calls the
 * handler, and commits offsets only after the handler returns; a failed batch is retried with backoff.
 */
export class EventSourceRunner<R> {
  private stopped = false;

  constructor(private readonly options: RunnerOptions<R>) {}

  /** Processes one batch; returns the number of records handled (0 when none were waiting). */
  async runOnce(): Promise<number> {
    const o = this.options;
    const records = await o.source.poll(o.batchSize, o.maximumBatchingWindowMs);
    if (records.length === 0) return 0;
    const event = toMskEvent(records, { arn: o.eventSourceArn });
    const maxAttempts = o.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await o.handler(event);
        await o.source.commit(records);
        o.onBatch?.(result, records.length);
        return records.length;
      } catch (err) {
        const first = records[0]!;
        o.logger?.warn(`${o.name}: batch failed`, { attempt, topic: first.topic, partition: first.partition, offset: first.offset, error: err });
        if (attempt >= maxAttempts && o.onFailure) {
          const key = await o.onFailure.send(kafkaFailureRecord(event, o.onFailure.functionArn, attempt, err));
          await o.source.commit(records);
          o.logger?.error(`${o.name}: batch sent to the on-failure destination after ${attempt} attempts`, { key, topic: first.topic, partition: first.partition, offset: first.offset, records: records.length });
          o.onFailed?.(key, records.length);
          return records.length;
        }
        if (attempt >= maxAttempts) {
          throw new SfcError(`${o.name}: batch at ${first.topic}-${first.partition}@${first.offset} failed ${attempt} times`, { cause: err, retriable: true });
        }
        await sleep(backoffMs(attempt));
      }
    }
  }

  /** Runs batches until the source has nothing left. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  /** Runs until stop() is called, idling `idleMs` when nothing is waiting. */
  async run(idleMs = 50): Promise<void> {
    while (!this.stopped) if ((await this.runOnce()) === 0) await sleep(idleMs);
  }

  stop(): void {
    this.stopped = true;
  }
}
