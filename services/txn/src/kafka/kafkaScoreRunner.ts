import { EventSourceRunner, type MskEvent } from '@sfc/shared';
import { KafkaTransactions } from '@sfc/shared/adapters/KafkaTransactions.js';
import { KafkaRecordSource } from '@sfc/shared/runtime/KafkaRecordSource.js';
import type { TxnConfig } from '../config.js';
import { txnLogger } from '../context.js';
import { scoreDepsFrom } from '../deps/scoreDeps.js';
import { score } from '../handlers/score.js';
import type { ScoreSummary } from '../pipeline/scoreBatch.js';
import { kafkaTopicsFrom } from './kafkaTopicsFrom.js';
import { scoreRunnerDefaults, type KafkaRunnerHooks, type KafkaRunnerOptions } from './runnerOptions.js';

export interface KafkaWorker<R> {
  runner: EventSourceRunner<R>;
  source: KafkaRecordSource;
  close(): Promise<void>;
}

/**
 * `score` over Kafka, exactly once: the handler's producer is transactional, and the batch's offsets
 * commit in the same transaction as its scored and dead-lettered records; a failed attempt aborts,
 * so `act` (reading committed records only) never sees its output.
 */
export async function kafkaScoreRunner(c: TxnConfig, options: Partial<KafkaRunnerOptions> = {}, hooks: KafkaRunnerHooks<ScoreSummary> = {}): Promise<KafkaWorker<ScoreSummary>> {
  const o = { ...scoreRunnerDefaults, ...options };
  const { kafka } = await kafkaTopicsFrom(c);
  const txns = new KafkaTransactions({ kafka, transactionalId: `${o.groupId}-${o.instance}`, compression: c.KAFKA_COMPRESSION });
  const deps = { ...(await scoreDepsFrom(c)), producer: txns };
  const logger = txnLogger(c, 'score.runner');
  const source = new KafkaRecordSource({ kafka, groupId: o.groupId, topic: c.TRANSACTIONS_TOPIC, commit: (offsets) => txns.commitOffsets(o.groupId, offsets), abandon: () => txns.abort(), onAssign: hooks.onAssign, logger });
  const handler = async (event: MskEvent) => {
    try {
      const summary = await score(deps, event);
      hooks.observe?.(event);
      return summary;
    } catch (err) {
      await txns.abort();
      throw err;
    }
  };
  // Like the ESM's default, a failing batch is retried until it succeeds (offsets stay put meanwhile).
  const runner = new EventSourceRunner<ScoreSummary>({ name: 'score', source, handler, batchSize: o.batchSize, maximumBatchingWindowMs: o.maximumBatchingWindowMs, maxAttempts: Number.POSITIVE_INFINITY, logger, onBatch: hooks.onBatch });
  return { runner, source, close: async () => (await source.stop(), await txns.close()) };
}
