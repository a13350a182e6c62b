import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MskEvent, ScheduledEvent } from '@sfc/shared';

// Handlers read their configuration from the environment, as in Lambda.
const dataDir = mkdtempSync(join(tmpdir(), 'txn-handlers-'));
Object.assign(process.env, { DATA_DIR: dataDir, TOPICS: 'memory', LOG_LEVEL: 'silent', PRODUCE_COUNT: '25', METRICS_FILE: join(dataDir, 'emf.jsonl') });
const { handler: produce } = await import('../src/handlers/produce.js');
const { handler: score } = await import('../src/handlers/score.js');
const { handler: act } = await import('../src/handlers/act.js');
const { handler: label } = await import('../src/handlers/label.js');
const { embeddedTopics } = await import('../src/context.js');

const sample = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../events/${name}`, import.meta.url), 'utf8')) as T;

describe('Handlers: sample AWS events (services/txn/events)', () => {
  it('produce: a scheduled event produces PRODUCE_COUNT transactions of the last interval', async () => {
    const event = sample<ScheduledEvent>('schedule.json');
    const result = await produce(event as ScheduledEvent<object>);
    expect(result).toEqual({ produced: 25, from: '2026-11-25T11:59:00.000Z', to: '2026-11-25T12:00:00.000Z' });
    expect(embeddedTopics().readAll('transactions')).toHaveLength(25);
  });

  it('score: an MSK event is scored record by record, the malformed one dead-lettered', async () => {
    const result = await score(sample<MskEvent>('msk-transactions.json'));
    expect(result).toMatchObject({ received: 11, scored: 10, deadLettered: 1 });
    expect(embeddedTopics().readAll('processed_transactions')).toHaveLength(10);
    expect(JSON.parse(embeddedTopics().readAll('transactions_dlq')[0]!.value.toString()).error.kind).toBe('decode');
  });

  it('label: an MSK event of fraud labels is folded into the entity state, the malformed one dead-lettered', async () => {
    const result = await label(sample<MskEvent>('msk-labels.json'));
    expect(result).toMatchObject({ received: 3, applied: 1, legit: 1, repeated: 0, missingKeys: 0, deadLettered: 1 });
    expect(JSON.parse(embeddedTopics().readAll('transactions_dlq').at(-1)!.value.toString()).stage).toBe('label');
  });

  it('act: an MSK event of scored transactions lands in the lake and alerts once per block', async () => {
    const result = await act(sample<MskEvent>('msk-processed.json'));
    expect(result).toMatchObject({ received: 4, written: 4, alerts: 1, deadLettered: 0 });
    const alerts = readFileSync(join(dataDir, 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n');
    expect(alerts).toHaveLength(1);
    expect(result.objects.every((k) => k.startsWith('processed/dt=2026-11-25/hour=1'))).toBe(true);
  });
});
