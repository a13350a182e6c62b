import { MemoryTopics, createLogger, ConfigError, type Logger, type Topics } from '@sfc/shared';
import type { TxnConfig } from './config.js';
import { TransactionSimulator } from './simulator/simulator.js';

/** One in-process log per process: the embedded runtime's producer and consumers must share it. */
let processTopics: MemoryTopics | undefined;
export function embeddedTopics(): MemoryTopics {
  return (processTopics ??= new MemoryTopics(1, Date.now() * 1000));
}

export async function topicsFrom(c: TxnConfig): Promise<Topics> {
  if (c.TOPICS === 'memory') return embeddedTopics();
  if (!c.KAFKA_BROKERS) throw new ConfigError('KAFKA_BROKERS', 'is required when TOPICS=kafka');
  const { kafkaTopicsFrom } = await import('./kafka/kafkaTopicsFrom.js');
  return kafkaTopicsFrom(c);
}

export function simulatorFrom(c: TxnConfig): TransactionSimulator {
  const perDay = (c.PRODUCE_COUNT * 1440) / c.PRODUCE_INTERVAL_MINUTES;
  const customers = c.SIM_CUSTOMERS === '' ? Math.max(100, Math.ceil(perDay / 1.7)) : c.SIM_CUSTOMERS;
  return new TransactionSimulator({ seed: c.SIM_SEED, customers, fraudRate: c.SIM_FRAUD_RATE });
}

export const txnLogger = (c: TxnConfig, component: string): Logger => cachedTxnLogger(component, c.LOG_LEVEL);

const loggers = new Map<string, Logger>();
/** One logger per component and level in a process, so the handler wrapper and the domain code share its Lambda context. */
export function cachedTxnLogger(component: string, level = (process.env.LOG_LEVEL || 'info') as TxnConfig['LOG_LEVEL']): Logger {
  const key = `${component}:${level}`;
  let logger = loggers.get(key);
  if (!logger) loggers.set(key, (logger = createLogger(`txn.${component}`, { level })));
  return logger;
}
