// npm run deploy:emulated [-- --stage emu] [--keep] [--json summary.json]
// The README's "Deploy to AWS" steps against an emulated AWS account: moto server (scripts/deploy/
// emulated/moto_server.py) on loopback and a local Kafka broker standing in for MSK. It creates the
// prerequisites, deploys the three stacks with the root `npx serverless deploy`, checks them and
// their wiring, runs the smoke check on the deployed functions' code (Node.js 22), removes the stage,
// checks that its data was kept, deploys the same stage again, purges what the first deploy left, and
// removes everything. Exit code 0 only when every step passed. Nothing here touches a real account.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { assembleCsImage } from '../cs-image/assemble.js';
import { startBroker, stopBroker, wipeBroker } from '../kafka/broker.js';
import { startEmulator } from './emulated/emulator.js';
import { createPrerequisites } from './emulated/prerequisites.js';
import { runServerless } from './emulated/serverless.js';
import { smokeLabels, smokePipeline, smokeScan } from './emulated/smoke.js';
import { smokeDetectors } from './emulated/smokeDetectors.js';
import { check, verifyDeployment, verifyRemoved, type Deployment } from './emulated/verify.js';
import { findStageBuckets, purgeStage } from './purge.js';

// The SDK's notice that its 2027 releases need Node.js 22 would cut through the step lines; the
// versions in package-lock.json run on Node.js 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    stage: { type: 'string', default: 'emu' },
    count: { type: 'string', default: '300' },
    'broker-port': { type: 'string', default: '19392' },
    keep: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const stage = values.stage!;
const region = 'us-east-1';
const steps: { step: string; ok: boolean; seconds: number; detail?: unknown; error?: string }[] = [];

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`▶ ${name} ... `);
  try {
    const detail = await fn();
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    steps.push({ step: name, ok: true, seconds, detail });
    console.log(`ok (${seconds} s)`);
    return detail;
  } catch (err) {
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    steps.push({ step: name, ok: false, seconds, error: (err as Error).message });
    console.log(`FAILED (${seconds} s)\n${(err as Error).message}`);
    throw err;
  }
}

const work = mkdtempSync(join(tmpdir(), `sfc-emulated-${stage}-`));
const logFile = join(work, 'serverless.log');
mkdirSync(join(work, 'emulator'), { recursive: true });
let stopEmulator = async () => {};
let stopOwnBroker = async () => {};
let failed = false;
try {
  const brokers = await step('local Kafka broker (stands in for MSK)', async () => {
    if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
    const port = Number(values['broker-port']);
    wipeBroker(port);
    const b = await startBroker({ port });
    if (!b.reused) stopOwnBroker = async () => { await stopBroker({ port }); };
    return b.brokers;
  });
  const image = await step('cs image assembled from docker/cs.Dockerfile', () => assembleCsImage(join(work, 'image')));
  const emulator = await step('AWS emulator (moto + Lambda on Node.js 22)', () => startEmulator(join(work, 'emulator'), { KAFKA_AUTH: 'none' }));
  stopEmulator = () => emulator.stop();
  const client = <C>(Ctor: new (c: object) => C): C => new Ctor({ endpoint: emulator.endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  const aws = {
    cfn: client(CloudFormationClient), lambda: client(LambdaClient), s3: new S3Client({ endpoint: emulator.endpoint, region, forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } }),
    idp: client(CognitoIdentityProviderClient), apigw: client(APIGatewayClient), cloudfront: client(CloudFrontClient),
  };
  const smoke = { ...aws, sns: client(SNSClient), sqs: client(SQSClient), ddb: client(DynamoDBClient) };
  const settings = await step('prerequisites: VPC, subnets, security groups, MSK cluster, image in ECR', () =>
    createPrerequisites({ stage, region, brokers, image, emulator }));
  writeFileSync(join(work, 'settings.env'), Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n'));
  const sls = { endpoint: emulator.endpoint, settings, logFile };

  const deployAndVerify = async (label: string): Promise<Deployment> => {
    const mark = emulator.entries().length;
    await step(`${label}: npx serverless deploy --stage ${stage}`, () => runServerless('deploy', stage, sls));
    return step(`${label}: stacks, wiring, topics, permissions, buckets, review page and sign-in`, () => verifyDeployment(aws, { stage, settings, emulator, logMark: mark, brokers }));
  };
  const first = await deployAndVerify('deploy');
  const pipeline = await step('smoke: produce -> score -> act on the deployed functions', () => smokePipeline(smoke, first, { stage, brokers, count: Number(values.count) }));
  await step('smoke: fraud labels come back to the label function (and a re-sent batch changes nothing)', () => smokeLabels(smoke, first, { stage, brokers, confirmed: pipeline.confirmed }));
  await step('smoke: an AFD detector version imported and activated, a deny-list entry added and removed, a DRAFT shadowed then activated (npm run detectors, npm run lists)', () =>
    smokeDetectors(smoke, first, { brokers, endpoint: emulator.endpoint }));
  await step('smoke: scan an uploaded loan application (image function)', () => smokeScan(smoke, first, stage));
  const firstBuckets = (await findStageBuckets(aws, stage)).map((b) => b.name);
  await step(`remove: npx serverless remove --stage ${stage}`, () => runServerless('remove', stage, sls));
  await step('remove: stacks gone, every bucket and its data kept', () => verifyRemoved(aws, stage, firstBuckets));
  const second = await deployAndVerify('redeploy the same stage');
  await step('purge: the removed deployment\'s buckets deleted, the live ones kept', async () => {
    const purged = await purgeStage(aws, stage);
    check(purged.map((p) => p.bucket).sort().join() === [...firstBuckets].sort().join(), `purged exactly the ${firstBuckets.length} retained buckets (${purged.length})`);
    const live = await findStageBuckets(aws, stage);
    check(live.length === firstBuckets.length && live.every((b) => b.live), 'the redeployed stage keeps its buckets');
    check(live.some((b) => b.name === second.outputs['txn.LakeBucketName']), 'the new lake is among them');
    return { purged: purged.length, versions: purged.reduce((n, p) => n + p.versions, 0) };
  });
  if (!values.keep) {
    await step(`clean up: remove --stage ${stage} and purge`, async () => {
      await runServerless('remove', stage, sls);
      return purgeStage(aws, stage);
    });
  }
} catch {
  failed = true;
} finally {
  await stopEmulator();
  await stopOwnBroker();
  const summary = { stage, ok: !failed, steps, work };
  if (values.json) writeFileSync(values.json, JSON.stringify(summary, null, 2));
  console.log(failed ? `\nemulated deploy FAILED; logs in ${work}` : `\nemulated deploy passed: ${steps.length} steps in ${Math.round(steps.reduce((n, s) => n + s.seconds, 0))} s`);
  if (!failed && !values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}
