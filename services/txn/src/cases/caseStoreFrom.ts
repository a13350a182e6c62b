import { join } from 'node:path';
import { ConfigError } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import type { CaseStore } from './CaseStore.js';
import type { CaseSettings } from './createCases.js';
import { FileCaseStore } from './FileCaseStore.js';

/** The case store the configuration names (undefined: CASES_STORE=none); DynamoDB is imported only when chosen. */
export async function caseStoreFrom(c: TxnConfig): Promise<CaseStore | undefined> {
  if (c.CASES_STORE === 'none') return undefined;
  if (c.CASES_STORE === 'file') return new FileCaseStore(join(c.DATA_DIR, 'cases'));
  if (!c.CASES_TABLE) throw new ConfigError('CASES_TABLE', 'is required when CASES_STORE=dynamodb');
  const [{ DynamoCaseStore }, { DynamoDBClient }, { awsClientConfig }, { traced }] = await Promise.all([
    import('./DynamoCaseStore.js'), import('@aws-sdk/client-dynamodb'), import('@sfc/shared/adapters/awsClientConfig.js'), import('@sfc/shared/observability/tracer.js'),
  ]);
  return new DynamoCaseStore(c.CASES_TABLE, { client: traced(new DynamoDBClient(awsClientConfig(c.AWS_ENDPOINT_URL || undefined))) });
}

/** act's case settings, or undefined when cases are off. */
export async function caseSettingsFrom(c: TxnConfig): Promise<CaseSettings | undefined> {
  const store = await caseStoreFrom(c);
  return store ? { store, forBlock: c.CASES_FOR_BLOCK, history: c.CASES_HISTORY } : undefined;
}
