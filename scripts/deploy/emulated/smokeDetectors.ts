// The README's detector and list commands against the deployed stack: an Amazon Fraud Detector version
// imported and activated in the stage's lists table, a deny-list entry added and removed with the CLI,
// a DRAFT shadowed and then activated, and the deployed score function deciding with them
// (fd.detector_version, fd.rules and fd_shadow in the lake). The backtest is not here: moto runs no
// Athena query (its Athena SQL runs on Trino in the `trino` jest project).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { Kafka, logLevel } from 'kafkajs';
import type { LakeTransaction } from '@sfc/shared';
import { TransactionSimulator } from '../../../services/txn/src/simulator/simulator.js';
import { driveMapping } from './eventSourceMapping.js';
import type { SmokeClients } from './smoke.js';
import { check, type Deployment } from './verify.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const DETECTOR = 'loan_application_detector';
const FIXTURE = 'services/txn/test/fixtures/afd/loan_application_detector';

/** Runs one of the README's CLIs (`npm run detectors|lists -- ...` is `tsx <cli> ...`) against the stage's lists table. */
function cli(name: 'detectors' | 'lists', args: string[], env: Record<string, string>): string {
  const run = spawnSync(resolve(ROOT, 'node_modules/.bin/tsx'), [`services/txn/src/cli/${name}.ts`, ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env },
  });
  if (run.status !== 0) throw new Error(`npm run ${name} -- ${args.join(' ')}: exit ${run.status}\n${run.stderr || run.stdout}`);
  return run.stdout;
}

/** Sends transactions for one customer to the stage's topic, scores and acts on them with the deployed functions, and reads their lake rows. */
async function decide(c: SmokeClients, d: Deployment, brokers: string, emails: string[], tag: string): Promise<LakeTransaction[]> {
  const sim = new TransactionSimulator({ seed: 21, customers: 10 });
  const now = Date.now();
  const txs = sim.generate(now - 60_000, now, emails.length).map((e, i) => ({
    ...e.transaction, event_id: `smoke-${tag}-${i}-${now}`, event_time: new Date(now - 1000).toISOString(), email_address: emails[i]!,
  }));
  const producer = new Kafka({ clientId: 'sfc-emulated-detectors', brokers: brokers.split(','), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  try {
    await producer.send({ topic: d.mappings.score.Topics![0]!, messages: txs.map((t) => ({ key: t.entity_id, value: JSON.stringify(t) })) });
  } finally {
    await producer.disconnect();
  }
  await driveMapping<{ received: number }>(c.lambda, brokers, d.mappings.score, (r) => r.reduce((n, x) => n + x.received, 0) >= txs.length);
  await driveMapping<{ received: number }>(c.lambda, brokers, d.mappings.act, (r) => r.reduce((n, x) => n + x.received, 0) >= txs.length);
  return lakeRows(c.s3, d.outputs['txn.LakeBucketName']!, new Set(txs.map((t) => t.event_id)));
}

async function lakeRows(s3: S3Client, bucket: string, ids: Set<string>): Promise<LakeTransaction[]> {
  const rows: LakeTransaction[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'processed/', ContinuationToken: token }));
    for (const o of page.Contents ?? []) {
      const text = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.Key! }))).Body!.transformToString();
      rows.push(...text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LakeTransaction).filter((r) => ids.has(r.event_id)));
    }
    token = page.NextContinuationToken;
  } while (token);
  check(rows.length === ids.size, `the lake holds the ${ids.size} smoke transactions (${rows.length})`);
  return rows;
}

export async function smokeDetectors(c: SmokeClients, d: Deployment, o: { brokers: string; endpoint: string }) {
  const env = {
    LISTS_STORE: 'dynamodb', LISTS_TABLE: d.outputs['txn.ListsTableName']!, AWS_ENDPOINT_URL: o.endpoint,
    AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1',
  };
  check(Boolean(env.LISTS_TABLE), 'txn exports ListsTableName');
  const imported = cli('detectors', ['import', FIXTURE, '--outcome', 'loan_officer_queue=review'], env);
  cli('detectors', ['activate', DETECTOR, '3'], env);
  const listed = cli('detectors', ['list'], env);
  check(new RegExp(`${DETECTOR}\\s+3\\s+ACTIVE`).test(listed), `version 3 is ACTIVE in the stage's table:\n${listed}`);

  // A deny-list entry added with the CLI blocks the next transaction from that address; removed, it no longer does.
  const email = `smoke.${Date.now()}@deny.example`;
  cli('lists', ['add', 'deny_emails', email], env);
  const [denied] = await decide(c, d, o.brokers, [email], 'denied');
  const ruleIds = (r: LakeTransaction) => (r.fd.rules ?? []).map((x) => x.rule_id);
  check(denied!.fd.detector_version === `${DETECTOR}:3`, `the deployed score decided with ${DETECTOR}:3 (${denied!.fd.detector_version})`);
  check(ruleIds(denied!).includes('deny_email') && denied!.fd.outcome === 'block', `the new deny-list entry matched and blocked (${denied!.fd.outcome}, rules ${ruleIds(denied!).join(', ')})`);
  cli('lists', ['remove', 'deny_emails', email], env);
  const [allowed] = await decide(c, d, o.brokers, [email], 'removed');
  check(!ruleIds(allowed!).includes('deny_email'), `after its removal the entry matches no more (rules ${ruleIds(allowed!).join(', ') || 'none'})`);

  // A DRAFT made from the live version, shadowed (scored beside it, no action), then activated.
  const created = cli('detectors', ['create-version', DETECTOR, '--from', '3'], env);
  const draft = new RegExp(`created ${DETECTOR}:(\\d+) \\(DRAFT`).exec(created)?.[1];
  check(draft !== undefined, `create-version made a DRAFT: ${created.trim()}`);
  cli('detectors', ['shadow', DETECTOR, draft!], env);
  const [shadowed] = await decide(c, d, o.brokers, [`shadowed.${Date.now()}@example.org`], 'shadowed');
  check(shadowed!.fd.detector_version === `${DETECTOR}:3` && shadowed!.fd_shadow?.detector_version === `${DETECTOR}:${draft}`,
    `the deployed score decided with :3 and shadowed :${draft} (fd ${shadowed!.fd.detector_version}, fd_shadow ${shadowed!.fd_shadow?.detector_version ?? 'none'})`);
  cli('detectors', ['activate', DETECTOR, draft!], env);
  const [promoted] = await decide(c, d, o.brokers, [`promoted.${Date.now()}@example.org`], 'promoted');
  check(promoted!.fd.detector_version === `${DETECTOR}:${draft}` && promoted!.fd_shadow === undefined,
    `after activation :${draft} decides and nothing is shadowed (fd ${promoted!.fd.detector_version}, fd_shadow ${promoted!.fd_shadow?.detector_version ?? 'none'})`);
  return {
    imported: imported.trim().split('\n').slice(0, 3), denied: { outcome: denied!.fd.outcome, rules: ruleIds(denied!) }, afterRemoval: { outcome: allowed!.fd.outcome, rules: ruleIds(allowed!) },
    shadow: { live: shadowed!.fd.detector_version, shadow: shadowed!.fd_shadow?.detector_version, agreed: shadowed!.fd.outcome === shadowed!.fd_shadow?.outcome }, activated: promoted!.fd.detector_version,
  };
}
