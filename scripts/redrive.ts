// npm run redrive: replays the invocations that landed in an on-failure destination once their
// retries were used up. Sources: the failures bucket of the MSK event source mappings (score, act;
// S3 in AWS, DATA_DIR/<FAILURES_BUCKET> locally) or an SQS on-failure queue (the cs scan's S3 events).
// Each replay that succeeds is removed from the destination (bucket: moved under redriven/).
import { parseArgs } from 'node:util';
import { ConfigError, objectStoreFrom } from '@sfc/shared';
import { loadTxnConfig } from '../services/txn/src/config.js';
import { bucketFailures, type FailureSource } from './redrive/failures.js';
import { lambdaInvoker, localInvoker, type Invoker } from './redrive/invokers.js';
import { queueFailures } from './redrive/queueFailures.js';
import { redrive } from './redrive/redrive.js';

const usage = `usage: npm run redrive -- [--bucket NAME | --queue URL] [--function score|act|scan] [--invoke local|lambda] [--dry-run]
  --bucket    failures bucket (default FAILURES_BUCKET; S3 when OBJECT_STORE=s3, else DATA_DIR/<bucket>)
  --queue     SQS on-failure queue URL (the cs scan's); uses AWS credentials, AWS_ENDPOINT_URL if set
  --function  only failures of functions whose name ends with this
  --invoke    lambda: invoke the deployed function (Lambda Invoke); local (default): its handler in this process
  --dry-run   list what would be replayed`;

const { values } = parseArgs({
  options: {
    bucket: { type: 'string' }, queue: { type: 'string' }, function: { type: 'string' },
    invoke: { type: 'string', default: 'local' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.invoke !== 'local' && values.invoke !== 'lambda') {
  console.error(`error: --invoke must be local or lambda, got ${JSON.stringify(values.invoke)}\n${usage}`);
  process.exit(2);
}

let source: FailureSource;
try {
  const c = loadTxnConfig();
  if (values.queue) {
    const { SQSClient } = await import('@aws-sdk/client-sqs');
    const { awsClientConfig } = await import('@sfc/shared/adapters/awsClientConfig.js');
    source = queueFailures(new SQSClient(awsClientConfig(c.AWS_ENDPOINT_URL || undefined)), values.queue, values.function);
  } else {
    source = bucketFailures(await objectStoreFrom(c), values.bucket ?? c.FAILURES_BUCKET, values.function);
  }
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`error: ${err.message}`);
  process.exit(2);
}

let invoke: Invoker = localInvoker();
if (values.invoke === 'lambda') {
  const { LambdaClient } = await import('@aws-sdk/client-lambda');
  const { awsClientConfig } = await import('@sfc/shared/adapters/awsClientConfig.js');
  invoke = lambdaInvoker(new LambdaClient(awsClientConfig(process.env.AWS_ENDPOINT_URL || undefined)));
}

console.log(`re-driving from ${source.describe}${values['dry-run'] ? ' (dry run)' : ''}, invoking ${values.invoke === 'lambda' ? 'the deployed functions' : 'the local handlers'}`);
const result = await redrive(source, invoke, { dryRun: values['dry-run'], log: (l) => console.log(`  ${l}`) });
console.log(`${result.found} found, ${result.replayed} replayed, ${result.failed.length} still failing (left in place)`);
process.exit(result.failed.length > 0 ? 1 : 0);
