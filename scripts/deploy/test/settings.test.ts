import { createRequire } from 'node:module';
import { readEnvFile } from '../../../shared/test/support/serverless.js';

const require = createRequire(import.meta.url);
const { settingsOf, settingsFromOptions } = require('../settingsSpec.cjs') as {
  settingsOf: (service: string, stage: string, env: Record<string, string>, region?: string) => { values: Record<string, any>; problems: string[] };
  settingsFromOptions: (service: string, options: Record<string, unknown>, env: Record<string, string>) => { values: Record<string, any>; problems: string[] };
};
const example = readEnvFile(new URL('../example.env', import.meta.url).pathname);
const withLake = { ...example, SFC_LAKE_STACK: 'sfc-txn-prod' };

describe('Deployment settings: scripts/deploy/settingsSpec.cjs', () => {
  it('derives names and ARNs from the example settings, with the stage in topics and groups', () => {
    const { values, problems } = settingsOf('sfc-txn', 'prod', example);
    expect(problems).toEqual([]);
    expect(values.topics).toEqual({ transactions: 'sfc-prod-transactions', processed: 'sfc-prod-processed_transactions', dlq: 'sfc-prod-transactions_dlq', labels: 'sfc-prod-fraud_labels' });
    expect(values.groups).toEqual({ score: 'sfc-prod-txn-score', act: 'sfc-prod-txn-act', label: 'sfc-prod-txn-label' });
    expect(values.topicArns.dlq).toBe('arn:aws:kafka:us-east-1:123456789012:topic/sfc-msk/5a2f9e1c-7b3d-4e8f-9a6b-0c1d2e3f4a5b-2/sfc-prod-transactions_dlq');
    expect(values.groupArns.score).toBe('arn:aws:kafka:us-east-1:123456789012:group/sfc-msk/5a2f9e1c-7b3d-4e8f-9a6b-0c1d2e3f4a5b-2/sfc-prod-txn-score');
    expect(values.subnetIds).toEqual(['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788']);
    expect(values.topicAdminActions).not.toContain('kafka-cluster:DeleteTopic');
    expect(settingsOf('sfc-txn', 'prod', { ...example, SFC_DELETE_TOPICS_ON_REMOVE: 'true' }).values.topicAdminActions).toContain('kafka-cluster:DeleteTopic');
  });

  it('lets the prefix be overridden, so two stages (or two teams) can share a cluster', () => {
    expect(settingsOf('sfc-txn', 'prod', { ...example, SFC_KAFKA_PREFIX: 'payments.' }).values.topics.transactions).toBe('payments.transactions');
  });

  it.each([
    ['sfc-txn', 'missing AWS_REGION, SFC_MSK_CLUSTER_ARN, SFC_KAFKA_BOOTSTRAP, SFC_SUBNET_IDS, SFC_SECURITY_GROUP_IDS', {}],
    ['sfc-cs', 'missing SFC_CS_IMAGE_URI, SFC_LAKE_STACK', { AWS_REGION: 'us-east-1' }],
    ['sfc-rpt', 'missing SFC_LAKE_STACK', { AWS_REGION: 'us-east-1' }],
    ['sfc-txn', 'missing SFC_VPC_ID, SFC_ROUTE_TABLE_IDS', { ...example, SFC_VPC_ID: '', SFC_ROUTE_TABLE_IDS: '' }],
    ['sfc-txn', 'SFC_MSK_CLUSTER_ARN is in eu-west-1 but AWS_REGION is us-east-1', { ...example, SFC_MSK_CLUSTER_ARN: 'arn:aws:kafka:eu-west-1:123456789012:cluster/x/0a-1' }],
    ['sfc-txn', 'SFC_MSK_CLUSTER_ARN="my-cluster" is not an MSK cluster ARN', { ...example, SFC_MSK_CLUSTER_ARN: 'my-cluster' }],
    ['sfc-txn', 'SFC_SECURITY_GROUP_IDS="sg-0123456789abcdef0,default" is not a comma-separated list of security group ids', { ...example, SFC_SECURITY_GROUP_IDS: 'sg-0123456789abcdef0,default' }],
    ['sfc-txn', 'SFC_ALERT_EMAIL="ops at example.com" is not an e-mail address', { ...example, SFC_ALERT_EMAIL: 'ops at example.com' }],
    ['sfc-txn', 'SFC_TOPIC_MIN_INSYNC_REPLICAS (3) is above SFC_TOPIC_REPLICATION_FACTOR (2)', { ...example, SFC_TOPIC_MIN_INSYNC_REPLICAS: '3', SFC_TOPIC_REPLICATION_FACTOR: '2' }],
    ['sfc-txn', 'SFC_PRODUCE_ENABLED="yes" is not `true` or `false`', { ...example, SFC_PRODUCE_ENABLED: 'yes' }],
    ['sfc-cs', 'SFC_CS_IMAGE_URI is in eu-west-1 but AWS_REGION is us-east-1', { ...withLake, SFC_CS_IMAGE_URI: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/sfc-cs:v1' }],
    ['sfc-cs', 'SFC_CS_IMAGE_URI="sfc-cs:latest" is not an ECR image URI', { ...withLake, SFC_CS_IMAGE_URI: 'sfc-cs:latest' }],
    ['sfc-cs', 'SFC_KMS_KEY_ARN="alias/sfc" is not a KMS key ARN', { ...withLake, SFC_KMS_KEY_ARN: 'alias/sfc' }],
    ['sfc-rpt', 'SFC_RETENTION_DAYS_REPORTS="-1" is not a whole number from 0 to 36500', { ...withLake, SFC_RETENTION_DAYS_REPORTS: '-1' }],
  ])('%s: %s', (service, problem, env) => {
    const { problems } = settingsOf(service, 'prod', env as Record<string, string>);
    expect(problems.join('; ')).toContain(problem);
  });

  it('rejects a stage that cannot name buckets and stacks', () => {
    expect(settingsOf('sfc-rpt', 'Prod_1', withLake).problems[0]).toMatch(/stage "Prod_1" must be/);
  });

  it('takes the region from --region or AWS_DEFAULT_REGION, and the lake from compose\'s lakeStack param', () => {
    const { AWS_REGION: _, ...noRegion } = example;
    expect(settingsFromOptions('sfc-rpt', { stage: 'dev', region: 'us-east-1', param: ['lakeStack=sfc-txn-dev'] }, noRegion).values).toMatchObject({ region: 'us-east-1', lakeBucketExport: 'sfc-txn-dev-LakeBucketName' });
    expect(settingsFromOptions('sfc-rpt', { stage: 'dev', param: 'lakeStack=sfc-txn-dev' }, { ...noRegion, AWS_DEFAULT_REGION: 'us-east-1' }).problems).toEqual([]);
  });

  it('needs nothing on the local stage (serverless invoke local on embedded adapters)', () => {
    const { values, problems } = settingsOf('sfc-txn', 'local', {});
    expect(problems).toEqual([]);
    expect(values.topics.transactions).toBe('transactions');
  });
});

describe('README: deployment settings table', () => {
  it('lists every setting with who uses it, its default and meaning', async () => {
    const { settingsRows } = await import('../settingsTable.js');
    const readme = (await import('node:fs')).readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(settingsRows().filter((row) => !readme.includes(row))).toEqual([]);
  });
});
