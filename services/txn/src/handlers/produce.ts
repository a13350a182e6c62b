import { lazyHandler, type ScheduledEvent, type TopicProducer } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import { simulatorFrom, topicsFrom } from '../context.js';
import { produceWindow, type ProduceSummary } from '../pipeline/produceWindow.js';
import type { TransactionSimulator } from '../simulator/simulator.js';

/** Optional overrides in the scheduled event's detail (for `serverless invoke local`). */
export interface ProduceDetail {
  count?: number;
  from?: string;
  to?: string;
}

export interface ProduceDeps {
  simulator: TransactionSimulator;
  producer: TopicProducer;
  topic: string;
  count: number;
  intervalMs: number;
}

/** EventBridge schedule -> simulated transactions of the last interval onto the transactions topic. */
export async function produce(deps: ProduceDeps, event: ScheduledEvent<ProduceDetail>): Promise<ProduceSummary> {
  const detail = event.detail ?? {};
  const to = detail.to ? Date.parse(detail.to) : Date.parse(event.time);
  const from = detail.from ? Date.parse(detail.from) : to - deps.intervalMs;
  return produceWindow(deps.simulator, deps.producer, deps.topic, { from, to, count: detail.count ?? deps.count });
}

export const handler = lazyHandler(async (): Promise<ProduceDeps> => {
  const c = loadTxnConfig();
  const topics = await topicsFrom(c);
  await topics.ensureTopics([{ name: c.TRANSACTIONS_TOPIC, partitions: c.TOPIC_PARTITIONS }]);
  return { simulator: simulatorFrom(c), producer: topics, topic: c.TRANSACTIONS_TOPIC, count: c.PRODUCE_COUNT, intervalMs: c.PRODUCE_INTERVAL_MINUTES * 60_000 };
}, produce);
