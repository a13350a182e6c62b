import { createLogger, DlqRecordSchema, MemoryTopics, type FraudLabel } from '@sfc/shared';
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

function deps(state: PackedEntityState, topics: MemoryTopics): LabelDeps {
  return { feedback: new LabelFeedback(features, state, 3600), producer: topics, dlqTopic: 'dlq', maxRecordBytes: 65_536, logger: createLogger('test', { level: 'silent' }) };
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
});
