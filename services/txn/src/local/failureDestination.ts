import { objectStoreFrom, type FailureDestination } from '@sfc/shared';
import { ObjectStoreFailureDestination } from '@sfc/shared/runtime/failureRecord.js';
import type { TxnConfig } from '../config.js';

/**
 * The local runners' on-failure destination: FAILURES_BUCKET through the configured object store,
 * in the format Lambda writes to an S3 destination, under a local function ARN (`npm run redrive`
 * maps it back to the handler).
 */
export async function failureDestinationFrom(c: TxnConfig, fn: 'score' | 'act'): Promise<FailureDestination> {
  const name = `sfc-txn-local-${fn}`;
  const destination = new ObjectStoreFailureDestination(await objectStoreFrom(c), c.FAILURES_BUCKET, name);
  return { functionArn: `arn:aws:lambda:local:000000000000:function:${name}`, send: (r) => destination.send(r) };
}
