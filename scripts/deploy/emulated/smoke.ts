// The README's smoke check, run on the deployed functions' packaged code in the emulator: produce ->
// score -> act over the stage's topics on the local broker (lake rows, an alert per block, entity
// state in DynamoDB), and a scan of an uploaded loan application.
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { type LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Kafka, logLevel } from 'kafkajs';
import { s3PutEvent, type FraudLabel } from '@sfc/shared';
import { SAMPLE_DOCUMENTS } from '../../../services/cs/src/local/sampleDocuments.js';
import { driveMapping, invokeFunction } from './eventSourceMapping.js';
import { check, type Deployment } from './verify.js';

export interface SmokeClients {
  lambda: LambdaClient;
  s3: S3Client;
  sns: SNSClient;
  sqs: SQSClient;
  ddb: DynamoDBClient;
}

interface ScoreSummary { received: number; scored: number; deadLettered: number; outcomes: Record<string, number> }
interface ActSummary { received: number; written: number; alerts: number }

async function listAll(s3: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/** Produces `count` transactions with the deployed produce function and follows them to the lake and the alerts. */
export async function smokePipeline(c: SmokeClients, d: Deployment, o: { stage: string; brokers: string; count: number }) {
  // Alerts go to SNS; an SQS queue subscribed to the topic shows what an e-mail subscriber would get.
  const queueUrl = (await c.sqs.send(new CreateQueueCommand({ QueueName: `sfc-${o.stage}-alerts-${Date.now()}` }))).QueueUrl!;
  const queueArn = (await c.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  await c.sns.send(new SubscribeCommand({ TopicArn: d.outputs['txn.AlertsTopicArn'], Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));

  const produced = await invokeFunction<{ produced: number }>(c.lambda, `sfc-txn-${o.stage}-produce`, {
    version: '0', id: 'emulated', 'detail-type': 'Scheduled Event', source: 'aws.events', account: '123456789012', time: new Date().toISOString(),
    region: 'us-east-1', resources: [], detail: { count: o.count },
  });
  check(produced.produced === o.count, `produce wrote ${o.count} transactions (${produced.produced})`);
  const scored = await driveMapping<ScoreSummary>(c.lambda, o.brokers, d.mappings.score, (r) => r.reduce((n, x) => n + x.received, 0) >= o.count);
  const total = (k: keyof ScoreSummary) => scored.reduce((n, x) => n + (x[k] as number), 0);
  const blocks = scored.reduce((n, x) => n + (x.outcomes.block ?? 0), 0);
  check(total('scored') + total('deadLettered') === o.count, `score handled every transaction (${total('scored')} scored + ${total('deadLettered')} dead-lettered)`);
  const acted = await driveMapping<ActSummary>(c.lambda, o.brokers, d.mappings.act, (r) => r.reduce((n, x) => n + x.received, 0) >= total('scored'));
  const alerts = acted.reduce((n, x) => n + x.alerts, 0);
  check(alerts === blocks, `act alerted once per block (${alerts} alerts, ${blocks} blocks)`);

  const lake = d.outputs['txn.LakeBucketName']!;
  const lakeRows: { event_id: string; entity_id: string; merchant?: string; fd: { outcome: string; score: number } }[] = [];
  for (const key of await listAll(c.s3, lake, 'processed/')) {
    const text = await (await c.s3.send(new GetObjectCommand({ Bucket: lake, Key: key }))).Body!.transformToString();
    lakeRows.push(...text.split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  }
  const rows = lakeRows.length;
  check(rows === total('scored'), `the lake holds every scored transaction (${rows} rows, ${total('scored')} scored)`);
  const tokenised = lakeRows.filter((r) => (r as { email_address?: string }).email_address === undefined && /^tok:v1:[0-9a-f]{32}$/.test((r as { email_address_token?: string }).email_address_token ?? ''));
  check(tokenised.length === rows, `the lake holds tokens from the deployed key secret, no raw e-mail (${tokenised.length} of ${rows} rows)`);
  let received = 0;
  for (let tries = 0; received < alerts && tries < 20; tries++) {
    received += (await c.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))).Messages?.length ?? 0;
  }
  check(received === alerts, `every alert reached the SNS topic's subscriber (${received} of ${alerts})`);
  const entities = (await c.ddb.send(new ScanCommand({ TableName: d.outputs['txn.EntityStateTableName'], Select: 'COUNT' }))).Count ?? 0;
  check(entities > 0, `entity state was written to DynamoDB (${entities} entities)`);
  // Fraud confirmed later (a chargeback) for the blocked transactions; a run of a few hundred random
  // transactions blocks none about one time in eight, and a label may come for any transaction: then
  // for the three highest scores.
  const blocked = lakeRows.filter((r) => r.fd.outcome === 'block');
  const confirmed = blocked.length > 0 ? blocked : [...lakeRows].sort((a, b) => b.fd.score - a.fd.score).slice(0, 3);
  return { produced: o.count, scored: total('scored'), deadLettered: total('deadLettered'), blocks, alerts, lakeRows: rows, entities, blocked, confirmed };
}

/**
 * Labels come back: transactions confirmed as fraud (the blocked ones, else the highest scored) go on the stage's labels topic, twice
 * (a re-sent batch, as a retry would re-read it), and the deployed label function folds each into the
 * entity state once, and keeps every one in the lake.
 */
export async function smokeLabels(c: SmokeClients, d: Deployment, o: { stage: string; brokers: string; confirmed: { event_id: string; entity_id: string; merchant?: string }[] }) {
  const labels: FraudLabel[] = o.confirmed.map((r) => ({
    event_id: r.event_id, entity_id: r.entity_id, label: 'fraud', label_time: new Date().toISOString(), variables: r.merchant ? { merchant: r.merchant } : ({} as Record<string, string>),
  }));
  check(labels.length > 0, 'the smoke run left transactions to label');
  const producer = new Kafka({ clientId: 'sfc-emulated-labels', brokers: o.brokers.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    const messages = labels.map((l) => ({ key: l.entity_id, value: JSON.stringify(l) }));
    await producer.send({ topic: d.mappings.label.Topics![0]!, messages: [...messages, ...messages] });
  } finally {
    await producer.disconnect();
  }
  const results = await driveMapping<{ received: number; applied: number; repeated: number; deadLettered: number }>(c.lambda, o.brokers, d.mappings.label, (r) => r.reduce((n, x) => n + x.received, 0) >= 2 * labels.length);
  const sum = (k: 'received' | 'applied' | 'repeated' | 'deadLettered') => results.reduce((n, x) => n + x[k], 0);
  check(sum('applied') === labels.length && sum('repeated') === labels.length && sum('deadLettered') === 0,
    `each fraud label applied once and its repeat recognised (${sum('applied')} applied, ${sum('repeated')} repeated of ${labels.length})`);
  // Every label received is kept in the lake (labels/dt=<day>/), the repeats too.
  const lake = d.outputs['txn.LakeBucketName']!;
  const kept: { event_id: string; variables?: unknown }[] = [];
  for (const key of await listAll(c.s3, lake, 'labels/')) {
    const text = await (await c.s3.send(new GetObjectCommand({ Bucket: lake, Key: key }))).Body!.transformToString();
    kept.push(...text.split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  }
  const ids = new Set(labels.map((l) => l.event_id));
  check(kept.filter((k) => ids.has(k.event_id)).length === 2 * labels.length && kept.every((k) => k.variables === undefined),
    `the label function kept every label received in the lake, without its variables (${kept.length} rows for ${2 * labels.length} sent)`);
  return { labels: labels.length, applied: sum('applied'), repeated: sum('repeated'), lakeLabels: kept.length };
}

/** Uploads the sample loan application and scans it with the deployed image function. */
export async function smokeScan(c: SmokeClients, d: Deployment, stage: string) {
  const doc = SAMPLE_DOCUMENTS.find((s) => s.expected === 'pii')!;
  const body = await doc.body();
  const uploads = d.outputs['cs.UploadsBucketName']!;
  await c.s3.send(new PutObjectCommand({ Bucket: uploads, Key: doc.key, Body: body, ContentType: 'application/pdf' }));
  // moto does not deliver bucket notifications: the event S3 would send is passed to the function.
  const summary = await invokeFunction<{ scanned: number; byVerdict: Record<string, number> }>(c.lambda, `sfc-cs-${stage}-scan`, s3PutEvent(uploads, doc.key, body.length));
  check(summary.scanned === 1 && summary.byVerdict.pii === 1, `the scan routed the application to pii (${JSON.stringify(summary.byVerdict)})`);
  const pii = await listAll(c.s3, d.outputs['cs.PiiBucketName']!, 'loans/');
  check(pii.includes(doc.key) && pii.includes(`${doc.key}.finding.json`), `the pii bucket holds the document and its finding (${pii.join(', ')})`);
  check((await listAll(c.s3, uploads, 'loans/')).length === 0, 'the upload was moved out of the uploads bucket');
  const findings = await listAll(c.s3, d.outputs['txn.LakeBucketName']!, 'compliance/');
  check(findings.length >= 1, `the finding reached the lake (${findings.length} objects under compliance/)`);
  return { document: doc.key, verdict: 'pii', lakeFindings: findings.length };
}
