import { join } from 'node:path';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { ConfigError } from '@sfc/shared';
import { awsClientConfig } from '@sfc/shared/adapters/awsClientConfig.js';
import { FsPersistenceLayer } from '@sfc/shared/adapters/FsPersistenceLayer.js';
import type { TxnConfig } from '../config.js';
import { ALERT_KEY, type AlertLedger } from '../alerts/sendAlertsOnce.js';

type LambdaContext = Parameters<IdempotencyConfig['registerLambdaContext']>[0];

/**
 * How long an alert stays "in progress" when no Lambda context says how much time is left (local
 * runs): a crashed attempt's alerts are retried after this, as after act's 60 s Lambda timeout.
 */
export const LOCAL_IN_PROGRESS_MS = 60_000;

/** The alert ledger the configuration names; DynamoDB is imported only when chosen. */
export async function alertLedgerFrom(c: TxnConfig): Promise<AlertLedger | undefined> {
  if (c.IDEMPOTENCY_STORE === 'none') return undefined;
  const config = new IdempotencyConfig({
    eventKeyJmesPath: ALERT_KEY,
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: c.IDEMPOTENCY_TTL_HOURS * 3600,
    // Completed keys seen by this container are answered without a read.
    useLocalCache: true,
    maxLocalCacheSize: 10_000,
  });
  config.registerLambdaContext({ getRemainingTimeInMillis: () => LOCAL_IN_PROGRESS_MS } as LambdaContext);
  if (c.IDEMPOTENCY_STORE === 'fs') return { store: new FsPersistenceLayer(join(c.DATA_DIR, 'idempotency', 'alerts')), config };
  if (!c.IDEMPOTENCY_TABLE) throw new ConfigError('IDEMPOTENCY_TABLE', 'is required when IDEMPOTENCY_STORE=dynamodb');
  const [{ DynamoDBPersistenceLayer }, { DynamoDBClient }, { traced }] = await Promise.all([
    import('@aws-lambda-powertools/idempotency/dynamodb'), import('@aws-sdk/client-dynamodb'), import('@sfc/shared/observability/tracer.js'),
  ]);
  const client = traced(new DynamoDBClient(awsClientConfig(c.AWS_ENDPOINT_URL || undefined)));
  const store = new DynamoDBPersistenceLayer({ tableName: c.IDEMPOTENCY_TABLE, awsSdkV3Client: client });
  return { store, config };
}
