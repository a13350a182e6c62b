// Benchmark (not a test): what exactly-once alerts cost (Powertools Idempotency in front of the notifier).
//   tsx scripts/bench/alerts.ts [--batches 20] [--batch 2000] [--block-rate 0.03] [--no-moto]
// act batches of `batch` scored transactions (`block-rate` of them blocked, as the model blocks about
// 3%), through actBatch with the local adapters (lake in files, outbox notifier), with each alert
// ledger: none (IDEMPOTENCY_STORE=none, at least once), fs (files), and DynamoDB on moto (an emulator on
// loopback: its latency is not DynamoDB's, so read that line as "calls made", not as AWS timing).
// Then the same batches again, as a retry: every alert is found already sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLogger, FsObjectStore, piiPolicyFrom, MemoryTopics, OutboxNotifier, type DecodedMskRecord, type ScoredTransaction } from '@sfc/shared';
import { loadTxnConfig } from '../../services/txn/src/config.js';
import { simulatorFrom } from '../../services/txn/src/context.js';
import { alertLedgerFrom } from '../../services/txn/src/deps/alertLedger.js';
import { actBatch, type ActDeps } from '../../services/txn/src/pipeline/actBatch.js';
import { percentile } from '../../services/txn/src/local/stats.js';

const { values } = parseArgs({ options: { batches: { type: 'string', default: '20' }, batch: { type: 'string', default: '2000' }, 'block-rate': { type: 'string', default: '0.03' }, 'no-moto': { type: 'boolean', default: false } } });
const [batches, size, blockRate] = [Number(values.batches), Number(values.batch), Number(values['block-rate'])];

const sim = simulatorFrom(loadTxnConfig({ SIM_CUSTOMERS: '20000' }));
const runs: DecodedMskRecord[][] = Array.from({ length: batches }, (_, b) => sim.generate(Date.parse('2026-11-20T00:00:00Z') + b * 3_600_000, Date.parse('2026-11-20T01:00:00Z') + b * 3_600_000, size)
  .map(({ transaction }, i): DecodedMskRecord => {
    const tx: ScoredTransaction = { ...transaction, fd: { outcome: i < size * blockRate ? 'block' : 'approve', score: 0, model_version: 'bench', reasons: ['new device'], ttdf_ms: 1, proc_time_ms: 0, model_time_ms: 0 } };
    return { topic: 'processed', partition: 0, offset: String(b * size + i), timestamp: Date.now(), key: tx.entity_id, value: Buffer.from(JSON.stringify(tx)) };
  }));

const baseline: Record<string, number> = {};

async function measure(name: string, env: Record<string, string>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-alerts-'));
  const c = loadTxnConfig({ ...env, DATA_DIR: dir });
  const deps: ActDeps = {
    store: new FsObjectStore(dir), notifier: new OutboxNotifier(join(dir, 'outbox'), 'alerts', null), ledger: await alertLedgerFrom(c),
    producer: new MemoryTopics(1), lake: { bucket: 'lake', prefix: 'processed' }, pii: (await piiPolicyFrom(c)).policy, dlqTopic: 'dlq', maxRecordBytes: 1 << 20, logger: createLogger('bench', { level: 'silent' }),
  };
  await actBatch(runs[0]!.slice(0, 50).map((r) => ({ ...r, offset: `w${r.offset}` })), deps); // warm-up (JIT, connections), other keys
  for (const pass of ['first', 'retry']) {
    const ms: number[] = [];
    let alerts = 0;
    for (const run of runs) {
      const t0 = performance.now();
      const s = await actBatch(run, deps);
      ms.push(performance.now() - t0);
      alerts += s.alerts + s.alertsSuppressed;
    }
    const total = ms.reduce((a, b) => a + b, 0);
    const mean = total / ms.length;
    baseline[pass] ??= mean;
    const extra = mean - baseline[pass]!;
    const vs = name.startsWith('no ledger') ? 'baseline' : `${extra >= 0 ? '+' : ''}${extra.toFixed(1)} ms per batch (${extra >= 0 ? '+' : ''}${((extra / baseline[pass]!) * 100).toFixed(0)}%), ${((extra * 1000) / (alerts / batches)).toFixed(0)} us per alert`;
    console.log(`  ${name.padEnd(18)} ${pass.padEnd(5)}  act batch mean ${mean.toFixed(1).padStart(6)} ms  p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  ${Math.round((batches * size) / (total / 1000)).toLocaleString('en-US').padStart(7)} tx/s  vs none: ${vs}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

console.log(`act: ${batches} batches of ${size.toLocaleString('en-US')} scored transactions, ${Math.round(size * blockRate)} blocked each; lake in files, alerts to the outbox`);
await measure('no ledger (none)', { IDEMPOTENCY_STORE: 'none' });
await measure('files (fs)', { IDEMPOTENCY_STORE: 'fs' });
if (!values['no-moto']) {
  const { startMoto, uniqueName } = await import('../../shared/test/support/moto.js');
  const moto = await startMoto();
  const table = uniqueName('idempotency');
  const ddb = new DynamoDBClient({ endpoint: moto.endpoint, region: 'us-east-1' });
  await ddb.send(new CreateTableCommand({ TableName: table, BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }));
  await measure('DynamoDB (moto)', { IDEMPOTENCY_STORE: 'dynamodb', IDEMPOTENCY_TABLE: table, AWS_ENDPOINT_URL: moto.endpoint });
  ddb.destroy();
  await moto.stop();
}
process.exit(0);
