// npm run purge -- --stage <stage> [--yes]: deletes the buckets a removed stage left behind.
// `serverless remove` keeps every bucket (the data outlives the stack; CloudFormation cannot delete a
// bucket holding objects anyway). This finds this account's buckets of the stage (named
// sfc-<stage>-..., tagged sfc:stage) whose stack no longer exists, empties every object version and
// delete marker, and deletes them. A bucket of a live stack is never touched. Without --yes it only lists.
import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DeleteBucketCommand, DeleteObjectsCommand, GetBucketTaggingCommand, ListBucketsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';

export interface RetainedBucket {
  name: string;
  stackId: string;
  /** True when the stack that created it still exists: such a bucket is in use and is not purged. */
  live: boolean;
}

export interface PurgeClients {
  s3: S3Client;
  cfn: CloudFormationClient;
}

async function stackAlive(cfn: CloudFormationClient, stackId: string): Promise<boolean> {
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackId }));
    return (Stacks ?? []).some((s) => s.StackStatus !== 'DELETE_COMPLETE');
  } catch (err) {
    if (/does not exist/.test((err as Error).message)) return false;
    throw err;
  }
}

/** The stage's buckets (by name prefix and sfc:stage tag), each with whether its stack is live. */
export async function findStageBuckets(c: PurgeClients, stage: string): Promise<RetainedBucket[]> {
  const { Buckets } = await c.s3.send(new ListBucketsCommand({}));
  const out: RetainedBucket[] = [];
  for (const b of Buckets ?? []) {
    if (!b.Name?.startsWith(`sfc-${stage}-`)) continue;
    const tags = await c.s3.send(new GetBucketTaggingCommand({ Bucket: b.Name })).then((r) => r.TagSet ?? [], () => []);
    const tag = (k: string) => tags.find((t) => t.Key === k)?.Value;
    if (tag('sfc:stage') !== stage || !tag('sfc:stack-id')) continue;
    out.push({ name: b.Name, stackId: tag('sfc:stack-id')!, live: await stackAlive(c.cfn, tag('sfc:stack-id')!) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Deletes every version and delete marker of a bucket, then the bucket; returns the versions deleted. */
export async function emptyAndDelete(s3: S3Client, bucket: string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const page = await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, MaxKeys: 1000 }));
    const objects = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => ({ Key: v.Key!, VersionId: v.VersionId }));
    if (objects.length === 0) break;
    const res = await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }));
    if (res.Errors?.length) throw new Error(`purge ${bucket}: ${res.Errors.length} objects not deleted, e.g. ${res.Errors[0]!.Key}: ${res.Errors[0]!.Message}`);
    deleted += objects.length;
  }
  await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
  return deleted;
}

/** Purges the stage's buckets whose stack is gone; returns what was deleted. */
export async function purgeStage(c: PurgeClients, stage: string, log: (line: string) => void = () => {}): Promise<{ bucket: string; versions: number }[]> {
  const done: { bucket: string; versions: number }[] = [];
  for (const b of await findStageBuckets(c, stage)) {
    if (b.live) {
      log(`kept   ${b.name} (its stack is live)`);
      continue;
    }
    const versions = await emptyAndDelete(c.s3, b.name);
    log(`purged ${b.name} (${versions} object versions)`);
    done.push({ bucket: b.name, versions });
  }
  return done;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stage: { type: 'string' }, yes: { type: 'boolean', default: false } } });
  if (!values.stage) {
    console.error('error: --stage is required (the stage whose retained buckets to delete)');
    process.exit(2);
  }
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  if (!region) {
    console.error('error: AWS_REGION is not set');
    process.exit(2);
  }
  const c = { s3: new S3Client({ region }), cfn: new CloudFormationClient({ region }) };
  const buckets = await findStageBuckets(c, values.stage);
  if (buckets.length === 0) console.log(`no buckets of stage ${values.stage} in ${region}`);
  if (!values.yes) {
    for (const b of buckets) console.log(`${b.live ? 'live    ' : 'retained'} ${b.name}`);
    if (buckets.some((b) => !b.live)) console.log('run again with --yes to delete the retained buckets and every object version in them (this cannot be undone)');
    return;
  }
  const done = await purgeStage(c, values.stage, (l) => console.log(l));
  console.log(`${done.length} buckets deleted`);
}

if (process.argv[1]?.endsWith('purge.ts')) {
  main().catch((err: Error) => {
    console.error(`error: ${err.message}`);
    process.exit(1);
  });
}
