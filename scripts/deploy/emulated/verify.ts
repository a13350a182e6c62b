// Checks of a deployed stage in the emulator: what CloudFormation created, how the stacks are wired,
// and what AWS would refuse that moto lets pass (checked on the deployed templates).
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand, type Stack } from '@aws-sdk/client-cloudformation';
import { GetFunctionConfigurationCommand, LambdaClient, ListEventSourceMappingsCommand, type EventSourceMappingConfiguration } from '@aws-sdk/client-lambda';
import { GetBucketTaggingCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Kafka, logLevel } from 'kafkajs';
import { bucketProblems, wildcardActions, type Template } from '../templateChecks.js';
import type { Emulator } from './emulator.js';
import { verifyReview, type ReviewClients } from './verifyReview.js';

export interface AwsClients {
  cfn: CloudFormationClient;
  lambda: LambdaClient;
  s3: S3Client;
}
export type DeployClients = AwsClients & ReviewClients;

/** What a deployed stage is made of, read back from the emulator. */
export interface Deployment {
  stacks: Record<'txn' | 'cs' | 'rpt', Stack>;
  outputs: Record<string, string>;
  /** What the review page's checks found (verifyReview.ts). */
  review: Record<string, unknown>;
  mappings: { score: EventSourceMappingConfiguration; act: EventSourceMappingConfiguration; label: EventSourceMappingConfiguration };
}

const SERVICES = ['txn', 'cs', 'rpt'] as const;

export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}

const stackName = (service: string, stage: string) => `sfc-${service}-${stage}`;

async function functionEnv(lambda: LambdaClient, name: string): Promise<Record<string, string>> {
  return (await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))).Environment?.Variables ?? {};
}

/** Waits until the KafkaTopics custom resource answered after `since` log entries, and the topics exist. */
async function topicsCreated(emulator: Emulator, since: number, brokers: string, topics: string[], partitions: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = emulator.entries().slice(since).find((e) => e.kind === 'custom-resource-response' && e.logicalId === 'KafkaTopics');
    if (answer) {
      check(answer.status === 'SUCCESS', `KafkaTopics answered ${answer.status}: ${answer.reason ?? ''}`);
      break;
    }
    if (Date.now() > deadline) {
      const failed = emulator.entries().slice(since).filter((e) => e.kind === 'invoke' && e.errored);
      throw new Error(`KafkaTopics custom resource did not answer in 120 s${failed.length ? `: ${failed.map((f) => `${f.function}: ${f.error}`).join('; ')}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const admin = new Kafka({ clientId: 'sfc-emulated-check', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const meta = await admin.fetchTopicMetadata({ topics });
    for (const t of meta.topics) check(t.partitions.length === partitions, `topic ${t.name} has ${partitions} partitions (has ${t.partitions.length})`);
  } finally {
    await admin.disconnect();
  }
}

/** Every check of a freshly deployed stage; returns what the smoke tests need. */
export async function verifyDeployment(aws: DeployClients, o: { stage: string; settings: Record<string, string>; emulator: Emulator; logMark: number; brokers: string }): Promise<Deployment> {
  const stacks = {} as Deployment['stacks'];
  const outputs: Record<string, string> = {};
  for (const service of SERVICES) {
    const { Stacks } = await aws.cfn.send(new DescribeStacksCommand({ StackName: stackName(service, o.stage) }));
    const stack = Stacks![0]!;
    check(/^(CREATE|UPDATE)_COMPLETE$/.test(stack.StackStatus ?? ''), `${stack.StackName} is complete (${stack.StackStatus})`);
    stacks[service] = stack;
    for (const out of stack.Outputs ?? []) outputs[`${service}.${out.OutputKey}`] = out.OutputValue!;
    const template = (await aws.cfn.send(new GetTemplateCommand({ StackName: stack.StackName }))).TemplateBody!;
    const parsed = JSON.parse(template) as Template;
    check(wildcardActions(parsed).length === 0, `${stack.StackName}: no wildcard IAM actions (${wildcardActions(parsed).join(', ')})`);
    check(bucketProblems(parsed).length === 0, `${stack.StackName}: buckets retained, encrypted, TLS-only (${bucketProblems(parsed).join('; ')})`);
  }
  const prefix = `sfc-${o.stage}-`;
  const lake = outputs['txn.LakeBucketName'];
  check(!!lake?.startsWith(`${prefix}lake-`), `txn exports its lake bucket (${lake})`);
  const scan = await functionEnv(aws.lambda, `sfc-cs-${o.stage}-scan`);
  const report = await functionEnv(aws.lambda, `sfc-rpt-${o.stage}-report`);
  const score = await functionEnv(aws.lambda, `sfc-txn-${o.stage}-score`);
  check(scan.LAKE_BUCKET === lake && report.LAKE_BUCKET === lake, `cs and rpt write/read txn's lake ${lake} (cs ${scan.LAKE_BUCKET}, rpt ${report.LAKE_BUCKET})`);
  check(scan.UPLOADS_BUCKET === outputs['cs.UploadsBucketName'], `the scan's UPLOADS_BUCKET is the uploads bucket (${scan.UPLOADS_BUCKET})`);
  check(score.TRANSACTIONS_TOPIC === `${prefix}transactions` && score.PROCESSED_TOPIC === `${prefix}processed_transactions` && score.DLQ_TOPIC === `${prefix}transactions_dlq`, 'topic names carry the stage');
  for (const key of ['txn.LakeBucketName', 'cs.UploadsBucketName', 'cs.PiiBucketName', 'cs.CleanBucketName', 'cs.QuarantineBucketName', 'rpt.ReportsBucketName']) {
    const bucket = outputs[key]!;
    await aws.s3.send(new HeadBucketCommand({ Bucket: bucket }));
    const tags = (await aws.s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet ?? [];
    check(tags.some((t) => t.Key === 'sfc:stage' && t.Value === o.stage), `${bucket} is tagged with its stage`);
  }
  const mapping = async (fn: string, topic: string, group: string) => {
    // listed in full and filtered here: moto's FunctionName filter matches ARNs only
    const all = ((await aws.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? []).filter((m) => m.FunctionArn?.endsWith(`:function:sfc-txn-${o.stage}-${fn}`));
    check(all.length === 1, `${fn} has one event source mapping (${all.length})`);
    const m = all[0]!;
    check(m.EventSourceArn === o.settings.SFC_MSK_CLUSTER_ARN, `${fn} reads the stage's cluster`);
    check(m.Topics?.[0] === `${prefix}${topic}` && m.AmazonManagedKafkaEventSourceConfig?.ConsumerGroupId === `${prefix}${group}`, `${fn} reads ${prefix}${topic} in group ${prefix}${group}`);
    return m;
  };
  const mappings = {
    score: await mapping('score', 'transactions', 'txn-score'), act: await mapping('act', 'processed_transactions', 'txn-act'), label: await mapping('label', 'fraud_labels', 'txn-label'),
  };
  await topicsCreated(o.emulator, o.logMark, o.brokers, [`${prefix}transactions`, `${prefix}processed_transactions`, `${prefix}transactions_dlq`, `${prefix}fraud_labels`], Number(o.settings.SFC_TOPIC_PARTITIONS));
  const txnOutputs = Object.fromEntries(Object.entries(outputs).filter(([k]) => k.startsWith('txn.')).map(([k, v]) => [k.slice(4), v]));
  const review = await verifyReview(aws, o.stage, txnOutputs);
  return { stacks, outputs, review, mappings };
}

/** After `serverless remove`: the stacks are gone and their buckets, with their data, are not. */
export async function verifyRemoved(aws: AwsClients, stage: string, kept: string[]): Promise<void> {
  for (const service of SERVICES) {
    const status = await aws.cfn.send(new DescribeStacksCommand({ StackName: stackName(service, stage) })).then((r) => r.Stacks?.[0]?.StackStatus, (e: Error) => (/does not exist/.test(e.message) ? 'gone' : Promise.reject(e)));
    check(status === 'gone' || status === 'DELETE_COMPLETE', `stack ${stackName(service, stage)} removed (${status})`);
  }
  for (const bucket of kept) await aws.s3.send(new HeadBucketCommand({ Bucket: bucket })).catch(() => check(false, `retained bucket ${bucket} still exists`));
}
