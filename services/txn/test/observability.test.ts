import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MskEvent } from '@sfc/shared';
import { emfSum, emfValues, parseEmf } from '@sfc/shared/observability/emf.js';

// Handlers read their configuration from the environment, as in Lambda; metrics go to a file here.
const dataDir = mkdtempSync(join(tmpdir(), 'txn-metrics-'));
const metricsFile = join(dataDir, 'emf.jsonl');
Object.assign(process.env, { DATA_DIR: dataDir, TOPICS: 'memory', LOG_LEVEL: 'silent', METRICS_FILE: metricsFile });
const { handler: score } = await import('../src/handlers/score.js');
const { handler: act } = await import('../src/handlers/act.js');

const sample = (name: string): MskEvent => JSON.parse(readFileSync(new URL(`../events/${name}`, import.meta.url), 'utf8')) as MskEvent;
const context = (fn: string) => ({ functionName: fn, awsRequestId: 'req-1', getRemainingTimeInMillis: () => 30_000 });
const emf = () => parseEmf(readFileSync(metricsFile, 'utf8').split('\n'));

describe('Metrics: txn handlers emit CloudWatch EMF (Powertools Metrics)', () => {
  it('score: transactions scored by outcome and records dead-lettered', async () => {
    // Act
    const result = await score(sample('msk-transactions.json'), context('sfc-txn-dev-score'));
    // Assess
    const values = emf();
    for (const outcome of ['approve', 'review', 'block'] as const) {
      expect(emfSum(values, 'TransactionsScored', { outcome, service: 'txn' })).toBe(result.outcomes[outcome]);
    }
    expect(emfSum(values, 'TransactionsScored')).toBe(10);
    expect(emfSum(values, 'RecordsDeadLettered')).toBe(1);
    expect(values.every((v) => v.namespace === 'sfc' && v.dimensions.service === 'txn')).toBe(true);
    expect(values.find((v) => v.name === 'TransactionsScored')!.unit).toBe('Count');
  });

  it('act: alerts sent, ttdf of every transaction, and alerts suppressed when the batch is retried', async () => {
    // Act: the same batch twice, as Lambda retries it
    const first = await act(sample('msk-processed.json'), context('sfc-txn-dev-act'));
    const before = emf().length;
    const retried = await act(sample('msk-processed.json'), context('sfc-txn-dev-act'));
    // Assess
    const [once, again] = [emf().slice(0, before), emf().slice(before)];
    expect([first.alerts, retried.alerts, retried.alertsSuppressed]).toEqual([1, 0, 1]);
    expect(emfSum(once, 'AlertsSent')).toBe(1);
    expect(emfSum(again, 'AlertsSent')).toBe(0);
    expect(emfSum(again, 'AlertsSuppressed')).toBe(1);
    expect(emfSum(once, 'LakeRowsWritten')).toBe(4);
    expect(emfValues(once, 'TimeToDetectFraud')).toEqual(first.ttdfMs);
    expect(once.find((v) => v.name === 'TimeToDetectFraud')!.unit).toBe('Milliseconds');
  });

  it('flushes ttdf in EMF documents of at most 100 values, as CloudWatch requires', async () => {
    const lines = readFileSync(metricsFile, 'utf8').trim().split('\n');
    for (const line of lines) {
      const doc = JSON.parse(line) as Record<string, unknown>;
      for (const v of Object.values(doc)) if (Array.isArray(v)) expect(v.length).toBeLessThanOrEqual(100);
      expect(doc._aws).toMatchObject({ Timestamp: expect.any(Number), CloudWatchMetrics: [{ Namespace: 'sfc' }] });
    }
  });
});
