import type { ObjectStore } from '../ports/ObjectStore.js';
import type { Notifier } from '../ports/Notifier.js';
import { FsObjectStore } from '../adapters/FsObjectStore.js';
import { OutboxNotifier } from '../adapters/OutboxNotifier.js';
import { ConfigError } from '../errors.js';
import { join } from 'node:path';
import { createLogger } from '../logger/logger.js';

interface StoreConfig {
  OBJECT_STORE: 'fs' | 's3';
  DATA_DIR: string;
  S3_ENDPOINT: string;
  AWS_ENDPOINT_URL: string;
}

interface NotifierConfig {
  NOTIFIER: 'outbox' | 'sns';
  DATA_DIR: string;
  SNS_TOPIC_ARN: string;
  AWS_ENDPOINT_URL: string;
}

/** The ObjectStore the configuration names; S3 is imported only when chosen. */
export async function objectStoreFrom(c: StoreConfig): Promise<ObjectStore> {
  if (c.OBJECT_STORE === 'fs') return new FsObjectStore(c.DATA_DIR);
  const { S3ObjectStore } = await import('../adapters/S3ObjectStore.js');
  const endpoint = c.S3_ENDPOINT || c.AWS_ENDPOINT_URL || undefined;
  return new S3ObjectStore({ endpoint, forcePathStyle: endpoint !== undefined });
}

/** The Notifier the configuration names; SNS is imported only when chosen. */
export async function notifierFrom(c: NotifierConfig): Promise<Notifier> {
  if (c.NOTIFIER === 'outbox') {
    const log = createLogger('notifier.outbox');
    return new OutboxNotifier(join(c.DATA_DIR, 'outbox'), 'alerts', (line) => log.info(line));
  }
  if (!c.SNS_TOPIC_ARN) throw new ConfigError('SNS_TOPIC_ARN', 'is required when NOTIFIER=sns');
  const { SnsNotifier } = await import('../adapters/SnsNotifier.js');
  return new SnsNotifier({ topicArn: c.SNS_TOPIC_ARN, endpoint: c.AWS_ENDPOINT_URL || undefined });
}
