import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DlqRecordSchema, LakeTransactionSchema, TransactionSchema } from '@sfc/shared';

const dataDir = mkdtempSync(join(tmpdir(), 'txn-e2e-'));
Object.assign(process.env, { DATA_DIR: dataDir, TOPICS: 'memory', LOG_LEVEL: 'silent', SIM_CUSTOMERS: '300' });
const { loadTxnConfig } = await import('../src/config.js');
const { runEmbeddedPipeline } = await import('../src/local/embeddedPipeline.js');
const { embeddedTopics } = await import('../src/context.js');
const { describeLakePii } = await import('../src/local/lakePii.js');

const lakeLines = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
    .flatMap((e) => readFileSync(join(e.parentPath, e.name), 'utf8').trim().split('\n'));
const lakeRows = (dir: string) => lakeLines(dir).map((line) => LakeTransactionSchema.parse(JSON.parse(line)));

describe('Embedded pipeline: produce -> score -> act', () => {
  it('loses nothing: produced = scored + dead-lettered, lake rows = scored, alerts = blocks', async () => {
    // Act
    const s = await runEmbeddedPipeline(loadTxnConfig(), { count: 3000, tick: 400, bad: 6, batchSize: 250 });
    // Assess
    const produced = embeddedTopics().readAll('transactions');
    expect(produced).toHaveLength(3006);
    const validIds = produced.filter((r) => !r.key!.toString().startsWith('bad-')).map((r) => JSON.parse(r.value.toString()).event_id as string);
    expect(s.produced + s.injectedBad).toBe(s.scored + s.deadLettered);
    expect(s.deadLettered).toBe(6);

    const rows = lakeRows(join(dataDir, 'lake', 'processed'));
    expect(rows).toHaveLength(s.scored);
    expect(rows.map((r) => r.event_id).sort()).toEqual(validIds.sort());

    const blocks = rows.filter((r) => r.fd.outcome === 'block').length;
    const alerts = readFileSync(join(dataDir, 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n').filter(Boolean);
    expect(alerts).toHaveLength(blocks);
    expect(s.alerts).toBe(blocks);

    const dlq = embeddedTopics().readAll('transactions_dlq').map((r) => DlqRecordSchema.parse(JSON.parse(r.value.toString())));
    expect(dlq.map((d) => d.error.kind).sort()).toEqual(['decode', 'decode', 'schema', 'schema', 'schema', 'size']);
    expect(dlq.find((d) => d.error.kind === 'size')!.original_truncated).toBe(true);
    expect(s.ttdfMs.p99).toBeGreaterThanOrEqual(s.ttdfMs.p50);
  });

  it('leaves no raw name, e-mail, phone, street or IP address of the generated transactions in the lake, by default', async () => {
    // Prepare: what the simulator produced in the run above (the embedded log is per process)
    // (the injected malformed records are not JSON, or not transactions)
    const parsed = embeddedTopics().readAll('transactions').filter((r) => !r.key?.toString().startsWith('bad-'));
    const produced = parsed.map((r) => TransactionSchema.parse(JSON.parse(r.value.toString())));
    expect(produced).toHaveLength(3000);
    const raw = new Set(produced.flatMap((t) => [t.customer_name, t.email_address, t.phone, t.billing_street, t.ip_address]));
    // Act
    const text = lakeLines(join(dataDir, 'lake', 'processed')).join('\n');
    // Assess: a plain substring scan of every lake object for every raw value
    const found = [...raw].filter((v) => text.includes(v));
    expect(found).toEqual([]);
    expect(text).toContain('"email_address_token":"tok:v1:');
    const keyFile = join(dataDir, 'keys', 'pseudonym-keys.json');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await describeLakePii(loadTxnConfig())).toBe(`tokenised (key v1, ${keyFile})`);
  });
});
