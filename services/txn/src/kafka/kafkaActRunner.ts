import { EventSourceRunner, type MskEvent } from '@sfc/shared';
import { KafkaRecordSource } from '@sfc/shared/runtime/KafkaRecordSource.js';
import type { TxnConfig } from '../config.js';
import { txnLogger } from '../context.js';
import { actDepsFrom } from '../deps/actDeps.js';
import { act } from '../handlers/act.js';
import type { ActSummary } from '../pipeline/actBatch.js';
import { kafkaTopicsFrom } from './kafkaTopicsFrom.js';
import { failureDestinationFrom } from '../local/failureDestination.js';
import type { KafkaWorker } from './kafkaScoreRunner.js';
import { actRunnerDefaults, type KafkaRunnerHooks, type KafkaRunnerOptions } from './runnerOptions.js';

/**
 * `act` over Kafka: reads committed scored records only (kafkajs consumers are read_committed), and
 * commits offsets after the handler returned. A batch re-delivered after a crash starts at the same
 * committed offset, so its lake objects get the same keys and overwrite what the crashed attempt wrote.
 * A batch that fails MAX_BATCH_ATTEMPTS times goes whole to FAILURES_BUCKET (as Lambda's on-failure
 * destination) and the runner moves on; `npm run redrive` replays it.
 */
export async function kafkaActRunner(
  c: TxnConfig,
  options: Partial<KafkaRunnerOptions> = {},
  hooks: KafkaRunnerHooks<ActSummary> = {},
): Promise<KafkaWorker<ActSummary>> {
  const o = { ...actRunnerDefaults, ...options };
  const { kafka } = await kafkaTopicsFrom(c);
  const deps = await actDepsFrom(c);
  const logger = txnLogger(c, 'act.runner');
  const source = new KafkaRecordSource({ kafka, groupId: o.groupId, topic: c.PROCESSED_TOPIC, onAssign: hooks.onAssign, logger });
  const handler = async (event: MskEvent) => {
    const summary = await act(deps, event);
    hooks.observe?.(event);
    return summary;
  };
  const runner = new EventSourceRunner<ActSummary>({ name: 'act', source, handler, batchSize: o.batchSize, maximumBatchingWindowMs: o.maximumBatchingWindowMs, maxAttempts: c.MAX_BATCH_ATTEMPTS, onFailure: await failureDestinationFrom(c, 'act'), logger, onBatch: hooks.onBatch });
  return { runner, source, close: () => source.stop() };
}
