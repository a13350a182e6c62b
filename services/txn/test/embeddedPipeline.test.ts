import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DlqRecordSchema, ScoredTransactionSchema } from '@sfc/shared';

const dataDir = mkdtempSync(join(tmpdir(), 'txn-e2e-'));
Object.assign(process.env, { DATA_DIR: dataDir, TOPICS: 'memory', LOG_LEVEL: 'silent', SIM_CUSTOMERS: '300' });
const { loadTxnConfig } = await import('../src/config.js');
const { runEmbeddedPipeline } = await import('../src/local/embeddedPipeline.js');
const { embeddedTopics } = await import('../src/context.js');

const lakeRows = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.jsonl'))
    .flatMap((e) => readFileSync(join(e.parentPath, e.name), 'utf8').trim().split('\n'))
    .map((line) => ScoredTransactionSchema.parse(JSON.parse(line)));

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
});
