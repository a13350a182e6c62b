import type { MskEvent } from '@sfc/shared';

/** How a Kafka event-source runner batches, as the MSK event source mapping's settings do in AWS. */
export interface KafkaRunnerOptions {
  /** Consumer group (the event source mapping's group in AWS is its UUID). */
  groupId: string;
  /** Most records per handler invocation (ESM BatchSize). */
  batchSize: number;
  /** Longest wait for a batch to fill, from its first record (ESM MaximumBatchingWindowInSeconds). */
  maximumBatchingWindowMs: number;
  /** Distinguishes workers of one group: the transactional id of an exactly-once scorer. */
  instance: string;
}

export const scoreRunnerDefaults: KafkaRunnerOptions = { groupId: 'txn-score', batchSize: 2000, maximumBatchingWindowMs: 20, instance: '0' };
export const actRunnerDefaults: KafkaRunnerOptions = { groupId: 'txn-act', batchSize: 2000, maximumBatchingWindowMs: 500, instance: '0' };

/** What a caller may watch: handled batches, partition assignments, and (act) each event handled. */
export interface KafkaRunnerHooks<R> {
  onBatch?: (result: R) => void;
  onAssign?: (partitions: number[]) => void;
  observe?: (event: MskEvent) => void;
}
