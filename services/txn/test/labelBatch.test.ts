import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, DlqRecordSchema, LakeLabelSchema, MemoryTopics, type FraudLabel } from '@sfc/shared';
import { FsObjectStore } from '@sfc/shared/adapters/FsObjectStore.js';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { labelBatch, type LabelDeps } from '../src/pipeline/labelBatch.js';
import { loadModelFeatures } from '../src/features/modelFeatures.js';
import { resolveModelDir } from '../src/modelDir.js';
import { LabelFeedback } from '../src/scoring/LabelFeedback.js';
import { recordOf } from './support/records.js';

const features = loadModelFeatures(resolveModelDir(''));
const label = (id: string, overrides: Partial<FraudLabel> = {}): FraudLabel => ({
  event_id: id, entity_id: 'cust-1', label: 'fraud', label_time: '2026-11-26T00:00:00.000Z', variables: { merchant: 'm-000042', ip_address: '203.0.113.9' }, ...overrides,
});

function deps(state: PackedEntityState, topics: MemoryTopics, lakeRoot = mkdtempSync(join(tmpdir(), 'labels-lake-'))): LabelDeps {
  return {
    feedback: new LabelFeedback(features, state, 3600), producer: topics, dlqTopic: 'dlq', maxRecordBytes: 65_536, logger: createLogger('test', { level: 'silent' }),
    lake: { store: new FsObjectStore(lakeRoot), bucket: 'lake', prefix: 'labels' },
  };
}

/** Every lake object under labels/, by key relative to the bucket, with its rows. */
function lakeObjects(root: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const base = join(root, 'lake', 'labels');
  for (const day of readdirSync(base)) {
    for (const file of readdirSync(join(base, day))) {
      out[`labels/${day}/${file}`] = readFileSync(join(base, day, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    }
  }
  return out;
}

describe('Pipeline: labelBatch', () => {
  const merchantId = features.engine.idsOf({ entityId: 'cust-1', values: features.eventType.variables.map((v) => (v.name === 'merchant' ? 'm-000042' : undefined)) })
    .find((id) => id?.startsWith('k.merchant:'))!;

  it('folds fraud labels into the customer and merchant state, once however often the batch comes', async () => {
    // Prepare
    const state = new PackedEntityState({ maxEntities: 1000, ttlSeconds: 86_400 });
    const topics = new MemoryTopics(1);
    const batch = [recordOf(label('e1'), 0, 'fraud_labels'), recordOf(label('e2'), 1, 'fraud_labels'), recordOf(label('e3', { label: 'legit' }), 2, 'fraud_labels')];
    // Act
    const first = await labelBatch(batch, deps(state, topics));
    const merchant = state.get(merchantId);
    const customer = state.get('c:cust-1');
    const again = await labelBatch(batch, deps(state, topics));
    // Assess
    expect(first).toMatchObject({ received: 3, applied: 2, legit: 1, repeated: 0, deadLettered: 0, missingKeys: 0 });
    expect(again).toMatchObject({ applied: 0, repeated: 2 });
    expect(merchant).toBeDefined();
    expect(state.get(merchantId)).toEqual(merchant);
    expect(state.get('c:cust-1')).toEqual(customer);
  });

  it('dead-letters records that are not labels, with the field at fault, and counts labels without a merchant', async () => {
    const state = new PackedEntityState({ maxEntities: 1000, ttlSeconds: 86_400 });
    const topics = new MemoryTopics(1);
    const batch = [recordOf({ ...label('e1'), label: 'maybe' }, 0, 'fraud_labels'), recordOf('{', 1, 'fraud_labels'), recordOf(label('e4', { variables: {} }), 2, 'fraud_labels')];

    const summary = await labelBatch(batch, deps(state, topics));

    expect(summary).toMatchObject({ received: 3, applied: 1, deadLettered: 2, missingKeys: 1 });
    const dlq = topics.readAll('dlq').map((r) => DlqRecordSchema.parse(JSON.parse(r.value.toString())));
    expect(dlq.map((d) => [d.stage, d.error.kind, d.error.field])).toEqual([['label', 'schema', 'label'], ['label', 'decode', null]]);
  });

  it('keeps every valid label in the lake by UTC label day, without the aggregation values, and a retry overwrites its objects', async () => {
    const state = new PackedEntityState({ maxEntities: 1000, ttlSeconds: 86_400 });
    const topics = new MemoryTopics(1);
    const root = mkdtempSync(join(tmpdir(), 'labels-lake-'));
    const batch = [
      recordOf(label('e1', { source: 'analyst' }), 0, 'fraud_labels'),
      recordOf({ ...label('bad'), label: 'maybe' }, 1, 'fraud_labels'),
      // 01:30 at +02:00 is the day before in UTC.
      recordOf(label('e2', { label: 'legit', label_time: '2026-11-27T01:30:00+02:00' }), 2, 'fraud_labels'),
      recordOf(label('e3', { label_time: '2026-11-27T08:00:00.000Z' }), 3, 'fraud_labels'),
    ];

    const first = await labelBatch(batch, deps(state, topics, root));
    const written = lakeObjects(root);
    await labelBatch(batch, deps(state, topics, root));

    expect(first.lakeRows).toBe(3);
    expect(Object.keys(written).sort()).toEqual([
      'labels/dt=2026-11-26/fraud_labels-0-0000000000000000.jsonl',
      'labels/dt=2026-11-27/fraud_labels-0-0000000000000003.jsonl',
    ]);
    const rows = Object.values(written).flat().map((r) => LakeLabelSchema.strict().parse(r));
    expect(rows.map((r) => [r.event_id, r.label, r.source])).toEqual([['e1', 'fraud', 'analyst'], ['e2', 'legit', null], ['e3', 'fraud', null]]);
    expect(JSON.stringify(written)).not.toContain('203.0.113.9');
    expect(lakeObjects(root)).toEqual(written);
  });
});
