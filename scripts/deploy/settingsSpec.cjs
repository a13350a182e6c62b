// What each deployment setting is, which service needs it, and how it is checked. settings.cjs serves
// these to serverless.yml; the README's settings table is printed from here
// (`npx tsx scripts/deploy/settingsTable.ts`) and a test keeps the two equal.
'use strict';

const id = (prefix) => new RegExp(`^${prefix}-[0-9a-f]{8,17}$`);
const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;
const STAGE = /^[a-z][a-z0-9-]{0,19}$/;
const MSK_ARN = /^arn:(aws[a-z-]*):kafka:([a-z0-9-]+):(\d{12}):cluster\/([A-Za-z0-9-]+)\/([0-9a-fA-F-]+)$/;
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const EMAIL = /^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/;
const IMAGE_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/[a-z0-9][a-z0-9._/-]*(?:@sha256:[0-9a-f]{64}|:[A-Za-z0-9_][A-Za-z0-9._-]{0,127})$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/[0-9a-f-]{36}$/;
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const KAFKA_NAME = /^[A-Za-z0-9._-]*$/;

const list = (v) => v.split(',').map((s) => s.trim()).filter(Boolean);
const intIn = (min, max) => (v) => (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? null : `a whole number from ${min} to ${max}`);
const bool = (v) => (v === 'true' || v === 'false' ? null : '`true` or `false`');
const matches = (re, what) => (v) => (re.test(v) ? null : what);
const eachMatches = (re, what) => (v) => (list(v).length > 0 && list(v).every((x) => re.test(x)) ? null : `a comma-separated list of ${what}`);

/**
 * Every setting. `services`: who needs it (`all` = every service); `required`: must be set for a deploy;
 * `default`: used when unset (a function of the stage where it depends on it); `param`: the compose
 * `params` key that may give it instead (serverless-compose.yml).
 */
const SETTINGS = [
  { name: 'AWS_REGION', services: ['all'], required: true, check: matches(REGION, 'an AWS region such as us-east-1'), doc: 'Region of every stack (or `AWS_DEFAULT_REGION`). The cluster, the image and the stacks must be in it.' },
  { name: 'SFC_MSK_CLUSTER_ARN', services: ['txn'], required: true, check: matches(MSK_ARN, 'an MSK cluster ARN (arn:aws:kafka:REGION:ACCOUNT:cluster/NAME/UUID)'), doc: 'The MSK cluster (IAM authentication enabled) the topics live on.' },
  { name: 'SFC_KAFKA_BOOTSTRAP', services: ['txn'], required: true, check: eachMatches(HOST_PORT, 'host:port'), doc: 'Its IAM bootstrap brokers (`aws kafka get-bootstrap-brokers`: BootstrapBrokerStringSaslIam, port 9098).' },
  { name: 'SFC_SUBNET_IDS', services: ['txn'], required: true, check: eachMatches(id('subnet'), 'subnet ids'), doc: 'Private subnets the txn functions run in (comma-separated), with a route to the brokers.' },
  { name: 'SFC_SECURITY_GROUP_IDS', services: ['txn'], required: true, check: eachMatches(id('sg'), 'security group ids'), doc: 'Security groups of the txn functions (comma-separated); they need egress to the brokers on 9098 and to the AWS endpoints on 443.' },
  { name: 'SFC_ALERT_EMAIL', services: ['txn'], default: '', check: matches(EMAIL, 'an e-mail address'), doc: 'Subscribed to the fraud alert topic (confirm the e-mail AWS sends); empty for none.' },
  { name: 'SFC_ALARM_EMAIL', services: ['txn'], default: '', check: matches(EMAIL, 'an e-mail address'), doc: 'Subscribed to the alarm topic every service\'s CloudWatch alarms notify (confirm the e-mail AWS sends); empty for none (subscribe a pager to the `AlarmTopicArn` output instead).' },
  { name: 'SFC_KAFKA_MAX_POLLERS', services: ['txn'], default: '3', check: intIn(1, 2000), doc: 'Most event pollers of each MSK event source mapping (provisioned mode, which Lambda requires for bounded retries, batch splitting and the on-failure bucket; at least 1 poller each runs all the time and is billed).' },
  { name: 'SFC_PRODUCE_ENABLED', services: ['txn'], default: 'false', check: bool, doc: '`true` turns on the 1-minute produce schedule (simulated traffic).' },
  { name: 'SFC_LAKE_PII', services: ['txn'], default: 'tokens', check: matches(/^(tokens|raw)$/, '`tokens` or `raw`'), doc: 'What the lake holds for personal values (LAKE_PII of `act`): `tokens` (HMAC tokens and masked forms) or `raw` (raw values too: only with a bucket policy and IAM that restrict the lake to those cleared for them). Card numbers are masked in both.' },
  { name: 'SFC_PRODUCE_COUNT', services: ['txn'], default: '100', check: intIn(1, 100000), doc: 'Transactions per scheduled produce run.' },
  { name: 'SFC_KAFKA_PREFIX', services: ['txn'], default: (stage) => `sfc-${stage}-`, check: matches(KAFKA_NAME, 'letters, digits, `.`, `_` or `-`'), doc: 'Prefix of the topic names and consumer groups, so stages can share a cluster: topics `<prefix>transactions`, `<prefix>processed_transactions`, `<prefix>transactions_dlq`, `<prefix>fraud_labels`; groups `<prefix>txn-score`, `<prefix>txn-act`, `<prefix>txn-label`.' },
  { name: 'SFC_TOPIC_PARTITIONS', services: ['txn'], default: '6', check: intIn(1, 1000), doc: 'Partitions of each topic the deploy creates (raised on a later deploy, never lowered).' },
  { name: 'SFC_TOPIC_REPLICATION_FACTOR', services: ['txn'], default: '3', check: intIn(1, 10), doc: 'Replication factor of the topics (3 for a 3-broker cluster; at most the number of brokers).' },
  { name: 'SFC_TOPIC_MIN_INSYNC_REPLICAS', services: ['txn'], default: '2', check: intIn(1, 10), doc: '`min.insync.replicas` of the topics (at most the replication factor).' },
  { name: 'SFC_DELETE_TOPICS_ON_REMOVE', services: ['txn'], default: 'false', check: bool, doc: '`true`: `serverless remove` deletes the topics and their data; otherwise they are kept.' },
  { name: 'SFC_VPC_ENDPOINTS', services: ['txn'], default: 'false', check: bool, doc: '`true` creates the VPC endpoints the txn functions and the MSK event source need (S3 and DynamoDB gateways; SNS, STS and Lambda interfaces); leave `false` when the subnets have a NAT or the endpoints exist.' },
  { name: 'SFC_VPC_ID', services: ['txn'], when: 'SFC_VPC_ENDPOINTS', check: matches(id('vpc'), 'a VPC id'), doc: 'The VPC of the subnets.' },
  { name: 'SFC_ROUTE_TABLE_IDS', services: ['txn'], when: 'SFC_VPC_ENDPOINTS', check: eachMatches(id('rtb'), 'route table ids'), doc: 'Route tables of the subnets, for the gateway endpoints.' },
  { name: 'SFC_MSK_SECURITY_GROUP_ID', services: ['txn'], default: '', check: matches(id('sg'), 'a security group id'), doc: 'The cluster\'s security group: when set, the deploy adds its ingress rules on 9098 (from the function groups and from itself, for the event source).' },
  { name: 'SFC_CS_IMAGE_URI', services: ['cs'], required: true, check: matches(IMAGE_URI, 'an ECR image URI, ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO@sha256:DIGEST (or :TAG)'), doc: 'The scanner image, as `docker/cs-push.sh` prints it (pinned by digest).' },
  { name: 'SFC_SCAN_RESERVED_CONCURRENCY', services: ['cs'], default: '10', check: intIn(1, 1000), doc: 'Most scans running at once (reserved concurrency): a flood of uploads queues up instead of taking the account\'s concurrency from the txn functions.' },
  { name: 'SFC_LAKE_STACK', services: ['cs', 'rpt'], required: true, param: 'lakeStack', check: matches(STACK_NAME, 'a CloudFormation stack name'), doc: 'The txn stack whose lake bucket cs and rpt use (its `LakeBucketName` export). The root deploy passes `sfc-txn-<stage>`; set it when deploying cs or rpt alone.' },
  { name: 'SFC_KMS_KEY_ARN', services: ['all'], default: '', check: matches(KMS_KEY_ARN, 'a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/UUID)'), doc: 'Customer-managed KMS key for every bucket of the system (SSE-KMS with bucket keys; its key policy must let the account\'s IAM policies grant use); empty = SSE-S3 (AES-256).' },
  { name: 'SFC_NONCURRENT_VERSION_DAYS', services: ['all'], default: '30', check: intIn(1, 36500), doc: 'Days an overwritten or deleted object version is kept in the versioned buckets (uploads: SFC_UPLOADS_NONCURRENT_DAYS).' },
  { name: 'SFC_UPLOADS_NONCURRENT_DAYS', services: ['cs'], default: '1', check: intIn(1, 36500), doc: 'Days a scanned upload\'s old version is kept in the uploads bucket (the document itself was moved on).' },
  { name: 'SFC_RETENTION_DAYS_LAKE', services: ['txn'], default: '0', check: intIn(0, 36500), doc: 'Days lake objects are kept; 0 = for ever.' },
  { name: 'SFC_RETENTION_DAYS_PII', services: ['cs'], default: '0', check: intIn(0, 36500), doc: 'Days documents with personal data are kept in the pii bucket; 0 = for ever.' },
  { name: 'SFC_RETENTION_DAYS_CLEAN', services: ['cs'], default: '0', check: intIn(0, 36500), doc: 'Days documents are kept in the clean bucket; 0 = for ever.' },
  { name: 'SFC_RETENTION_DAYS_QUARANTINE', services: ['cs'], default: '0', check: intIn(0, 36500), doc: 'Days documents are kept in the quarantine bucket; 0 = for ever.' },
  { name: 'SFC_RETENTION_DAYS_REPORTS', services: ['rpt'], default: '90', check: intIn(0, 36500), doc: 'Days dashboard versions are kept in the reports bucket; 0 = for ever.' },
];

const SERVICE_NAMES = { 'sfc-txn': 'txn', 'sfc-cs': 'cs', 'sfc-rpt': 'rpt' };

/** The settings `service` (txn | cs | rpt) needs. */
const settingsFor = (service) => SETTINGS.filter((s) => s.services.includes('all') || s.services.includes(service));

/** Checks the settings of `serviceName` (e.g. sfc-txn) in `env`; returns serverless.yml's values and every problem found. */
function settingsOf(serviceName, stage, env, regionOption) {
  const service = SERVICE_NAMES[serviceName] ?? serviceName;
  if (stage === 'local') return { values: localValues(service), problems: [] };
  const problems = [];
  if (!STAGE.test(stage)) problems.push(`stage "${stage}" must be 1-20 lower-case letters, digits or "-", starting with a letter`);
  const raw = { ...env };
  if (!raw.AWS_REGION) raw.AWS_REGION = regionOption || env.AWS_DEFAULT_REGION || '';
  const got = {};
  const missing = [];
  for (const s of settingsFor(service)) {
    const value = (raw[s.name] ?? '').trim();
    const needed = s.required || (s.when && (raw[s.when] ?? '').trim() === 'true');
    if (value === '') {
      if (needed) missing.push(s.name);
      got[s.name] = typeof s.default === 'function' ? s.default(stage) : (s.default ?? '');
      continue;
    }
    const why = s.check(value);
    if (why) problems.push(`${s.name}=${JSON.stringify(value)} is not ${why}`);
    got[s.name] = value;
  }
  if (missing.length > 0) problems.unshift(`missing ${missing.join(', ')}`);
  if (problems.length > 0) return { values: {}, problems };
  const values = valuesFor(service, stage, got);
  problems.push(...crossChecks(service, got));
  return { values, problems };
}

/** Settings that must agree with each other. */
function crossChecks(service, got) {
  const problems = [];
  const region = got.AWS_REGION;
  const msk = MSK_ARN.exec(got.SFC_MSK_CLUSTER_ARN ?? '');
  if (msk && msk[2] !== region) problems.push(`SFC_MSK_CLUSTER_ARN is in ${msk[2]} but AWS_REGION is ${region}`);
  const image = IMAGE_URI.exec(got.SFC_CS_IMAGE_URI ?? '');
  if (image && image[2] !== region) problems.push(`SFC_CS_IMAGE_URI is in ${image[2]} but AWS_REGION is ${region} (Lambda takes images from its own region)`);
  const kms = KMS_KEY_ARN.exec(got.SFC_KMS_KEY_ARN ?? '');
  if (kms && kms[1] !== region) problems.push(`SFC_KMS_KEY_ARN is in ${kms[1]} but AWS_REGION is ${region}`);
  if (service === 'txn' && Number(got.SFC_TOPIC_MIN_INSYNC_REPLICAS) > Number(got.SFC_TOPIC_REPLICATION_FACTOR)) {
    problems.push(`SFC_TOPIC_MIN_INSYNC_REPLICAS (${got.SFC_TOPIC_MIN_INSYNC_REPLICAS}) is above SFC_TOPIC_REPLICATION_FACTOR (${got.SFC_TOPIC_REPLICATION_FACTOR})`);
  }
  return problems;
}

/** What serverless.yml reads: names and ARNs derived once here instead of with CloudFormation string functions. */
function valuesFor(service, stage, got) {
  const common = {
    region: got.AWS_REGION,
    kmsKeyArn: got.SFC_KMS_KEY_ARN,
    noncurrentDays: Number(got.SFC_NONCURRENT_VERSION_DAYS),
  };
  if (service === 'txn') {
    const [, partition, region, account, name, uuid] = MSK_ARN.exec(got.SFC_MSK_CLUSTER_ARN);
    const prefix = got.SFC_KAFKA_PREFIX;
    const topics = { transactions: `${prefix}transactions`, processed: `${prefix}processed_transactions`, dlq: `${prefix}transactions_dlq`, labels: `${prefix}fraud_labels` };
    const groups = { score: `${prefix}txn-score`, act: `${prefix}txn-act`, label: `${prefix}txn-label` };
    // kafka-cluster IAM resources (MSK IAM access control): topic/CLUSTER_NAME/CLUSTER_UUID/TOPIC, group/...
    const arn = (kind, n) => `arn:${partition}:kafka:${region}:${account}:${kind}/${name}/${uuid}/${n}`;
    const mapValues = (o, f) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
    const deleteTopics = got.SFC_DELETE_TOPICS_ON_REMOVE === 'true';
    return {
      ...common,
      mskClusterArn: got.SFC_MSK_CLUSTER_ARN,
      kafkaBootstrap: list(got.SFC_KAFKA_BOOTSTRAP).join(','),
      subnetIds: list(got.SFC_SUBNET_IDS),
      securityGroupIds: list(got.SFC_SECURITY_GROUP_IDS),
      alertEmail: got.SFC_ALERT_EMAIL,
      produceEnabled: got.SFC_PRODUCE_ENABLED === 'true',
      produceCount: got.SFC_PRODUCE_COUNT,
      lakePii: got.SFC_LAKE_PII,
      topics,
      groups,
      topicArns: mapValues(topics, (t) => arn('topic', t)),
      groupArns: mapValues(groups, (g) => arn('group', g)),
      topicPartitions: got.SFC_TOPIC_PARTITIONS,
      topicReplicationFactor: got.SFC_TOPIC_REPLICATION_FACTOR,
      topicMinInsyncReplicas: got.SFC_TOPIC_MIN_INSYNC_REPLICAS,
      deleteTopicsOnRemove: String(deleteTopics),
      // What the topics custom resource may do: create, grow and configure; delete only when asked.
      topicAdminActions: [
        'kafka-cluster:DescribeTopic', 'kafka-cluster:CreateTopic', 'kafka-cluster:AlterTopic',
        'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:AlterTopicDynamicConfiguration',
        ...(deleteTopics ? ['kafka-cluster:DeleteTopic'] : []),
      ],
      vpcEndpoints: String(got.SFC_VPC_ENDPOINTS === 'true'),
      vpcId: got.SFC_VPC_ID ?? '',
      routeTableIdList: got.SFC_ROUTE_TABLE_IDS ? list(got.SFC_ROUTE_TABLE_IDS).join(',') : '',
      mskSecurityGroupId: got.SFC_MSK_SECURITY_GROUP_ID,
      lakeRetentionDays: Number(got.SFC_RETENTION_DAYS_LAKE),
      alarmEmail: got.SFC_ALARM_EMAIL,
      kafkaMaxPollers: Number(got.SFC_KAFKA_MAX_POLLERS),
      mskClusterName: name,
    };
  }
  if (service === 'cs') {
    return {
      ...common,
      imageUri: got.SFC_CS_IMAGE_URI,
      lakeStack: got.SFC_LAKE_STACK,
      lakeBucketExport: `${got.SFC_LAKE_STACK}-LakeBucketName`,
      alarmTopicExport: `${got.SFC_LAKE_STACK}-AlarmTopicArn`,
      scanReservedConcurrency: Number(got.SFC_SCAN_RESERVED_CONCURRENCY),
      uploadsNoncurrentDays: Number(got.SFC_UPLOADS_NONCURRENT_DAYS),
      piiRetentionDays: Number(got.SFC_RETENTION_DAYS_PII),
      cleanRetentionDays: Number(got.SFC_RETENTION_DAYS_CLEAN),
      quarantineRetentionDays: Number(got.SFC_RETENTION_DAYS_QUARANTINE),
    };
  }
  return {
    ...common,
    lakeStack: got.SFC_LAKE_STACK,
    lakeBucketExport: `${got.SFC_LAKE_STACK}-LakeBucketName`,
    alarmTopicExport: `${got.SFC_LAKE_STACK}-AlarmTopicArn`,
    reportsRetentionDays: Number(got.SFC_RETENTION_DAYS_REPORTS),
  };
}

/**
 * The `local` stage is `serverless invoke local` on the embedded adapters: nothing is deployed, so no
 * setting is needed. serverless.yml still resolves every value, so these inert ones stand in (a deploy
 * of the local stage is refused in settings.cjs), with the topic names of the local runs.
 */
const LOCAL = {
  AWS_REGION: 'us-east-1',
  SFC_MSK_CLUSTER_ARN: 'arn:aws:kafka:us-east-1:000000000000:cluster/local/00000000-0000-0000-0000-000000000000-1',
  SFC_KAFKA_BOOTSTRAP: '127.0.0.1:9092',
  SFC_SUBNET_IDS: 'subnet-00000000',
  SFC_SECURITY_GROUP_IDS: 'sg-00000000',
  SFC_CS_IMAGE_URI: '000000000000.dkr.ecr.us-east-1.amazonaws.com/local:local',
  SFC_LAKE_STACK: 'local',
  SFC_KAFKA_PREFIX: '',
};

function localValues(service) {
  const got = {};
  for (const s of settingsFor(service)) got[s.name] = LOCAL[s.name] ?? (typeof s.default === 'function' ? s.default('local') : (s.default ?? ''));
  return valuesFor(service, 'local', got);
}

/** Values of `--param key=value` options (compose passes its `params` this way). */
function cliParams(options) {
  const out = {};
  for (const p of [options.param ?? []].flat()) {
    const i = String(p).indexOf('=');
    if (i > 0) out[String(p).slice(0, i)] = String(p).slice(i + 1);
  }
  return out;
}

/** settingsOf for a serverless command's options: the stage, `--region`, and compose `params` standing for a setting. */
function settingsFromOptions(serviceName, options, env = process.env) {
  const params = cliParams(options);
  const fromParams = {};
  for (const s of SETTINGS) if (s.param && params[s.param] !== undefined) fromParams[s.name] = params[s.param];
  return settingsOf(serviceName, options.stage ?? 'dev', { ...env, ...fromParams }, options.region);
}

module.exports = { SETTINGS, SERVICE_NAMES, settingsFor, settingsOf, settingsFromOptions, list };
