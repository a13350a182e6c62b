import type { OutgoingMessage, TopicProducer } from '@sfc/shared';
import type { TransactionSimulator } from '../simulator/simulator.js';

export interface ProduceSummary {
  produced: number;
  from: string;
  to: string;
}

/** Produces `count` simulated transactions whose event times fall in [from, to), keyed by entity. */
export async function produceWindow(
  simulator: TransactionSimulator,
  producer: TopicProducer,
  topic: string,
  window: { from: number; to: number; count: number },
  chunk = 1000,
): Promise<ProduceSummary> {
  const events = simulator.generate(window.from, window.to, window.count);
  for (let i = 0; i < events.length; i += chunk) {
    const messages: OutgoingMessage[] = events.slice(i, i + chunk).map(({ transaction }) => ({
      key: transaction.entity_id,
      value: JSON.stringify(transaction),
    }));
    await producer.send(topic, messages);
  }
  return { produced: events.length, from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() };
}
