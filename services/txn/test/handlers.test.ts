import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DlqRecordSchema, ScoredTransactionSchema, type MskEvent, type MskRecord, type ScheduledEvent } from '@sfc/shared';

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

  it('score and act: a record whose value, key or timestamp has the wrong type is dead-lettered alone, the rest decided with a ttdf', async () => {
    // Prepare (after the act test: its blocks are alerted already): the sample event with four broken copies of its first record appended
    for (const [name, topic] of [['msk-transactions.json', 'transactions'], ['msk-processed.json', 'processed_transactions']] as const) {
      const event = sample<MskEvent>(name);
      const [partition, records] = Object.entries(event.records)[0]!;
      const base = records[0]!;
      const broken = [
        { ...base, offset: 900, value: 12345 },
        { ...base, offset: 901, key: { k: 1 } },
        { ...base, offset: 902, timestamp: undefined },
        { ...base, offset: 903, timestamp: -1 },
      ] as unknown as MskRecord[];
      const total = Object.values(event.records).flat().length + broken.length;
      event.records[partition] = [...records, ...broken];
      const dlqBefore = embeddedTopics().readAll('transactions_dlq').length;
      const processedBefore = embeddedTopics().readAll('processed_transactions').length;
      // Act
      const result = await (topic === 'transactions' ? score(event) : act(event));
      // Assess
      expect(result).toMatchObject({ received: total });
      const dlq = embeddedTopics().readAll('transactions_dlq').slice(dlqBefore).map((r) => DlqRecordSchema.parse(JSON.parse(r.value.toString())));
      const fields = dlq.filter((d) => Number(d.source.offset) >= 900).map((d) => [d.error.kind, d.error.field]);
      expect(fields).toEqual([['decode', 'value'], ['decode', 'key'], ['decode', 'timestamp'], ['decode', 'timestamp']]);
      if (topic === 'transactions') {
        const scored = embeddedTopics().readAll('processed_transactions').slice(processedBefore).map((r) => ScoredTransactionSchema.parse(JSON.parse(r.value.toString())));
        expect(scored.length).toBe((result as { scored: number }).scored);
        expect(scored.every((s) => Number.isFinite(s.fd.ttdf_ms))).toBe(true);
      }
    }
  });
});
