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
  const [{ S3ObjectStore }, { traced }] = await Promise.all([import('../adapters/S3ObjectStore.js'), import('../observability/tracer.js')]);
  const endpoint = c.S3_ENDPOINT || c.AWS_ENDPOINT_URL || undefined;
  const store = new S3ObjectStore({ endpoint, forcePathStyle: endpoint !== undefined });
  traced(store.client); // X-Ray subsegments per S3 call in Lambda; a no-op elsewhere
  return store;
}

/** The Notifier the configuration names; SNS is imported only when chosen. */
export async function notifierFrom(c: NotifierConfig): Promise<Notifier> {
  if (c.NOTIFIER === 'outbox') {
    const log = createLogger('notifier.outbox');
    return new OutboxNotifier(join(c.DATA_DIR, 'outbox'), 'alerts', (line) => log.info(line));
  }
  if (!c.SNS_TOPIC_ARN) throw new ConfigError('SNS_TOPIC_ARN', 'is required when NOTIFIER=sns');
  const [{ SnsNotifier }, { traced }] = await Promise.all([import('../adapters/SnsNotifier.js'), import('../observability/tracer.js')]);
  const notifier = new SnsNotifier({ topicArn: c.SNS_TOPIC_ARN, endpoint: c.AWS_ENDPOINT_URL || undefined });
  traced(notifier.client);
  return notifier;
}
