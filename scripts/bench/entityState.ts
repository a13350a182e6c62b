// Memory of the embedded entity state (PackedEntityState): 1,000,000 customers' feature state, and
// 1,000,000 remembered decisions of the replay window (run with --expose-gc for exact numbers).
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { TRANSACTION_EVENT_TYPE } from '../../services/txn/src/eventType/transaction.js';
import { transactionValues, transactionBinding } from '../../services/txn/src/eventType/transaction.js';
import { FeatureEngine } from '../../services/txn/src/features/FeatureEngine.js';
import { encodeReplay } from '../../services/txn/src/scoring/replay.js';
import { packedLookup } from '../../services/txn/src/training/dataset.js';
import { TransactionSimulator } from '../../services/txn/src/simulator/simulator.js';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
/** Heap and array buffers after collecting twice (an arena's old buffers are released only after a collection). */
const used = async () => {
  for (let k = 0; k < 2; k++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// Realistic customer states (full histories) to copy under a million ids.
const engine = new FeatureEngine(TRANSACTION_EVENT_TYPE, { keys: [{ variable: 'merchant', derive: 'value', labels: true }, { variable: 'ip_address', derive: 'value', labels: false }], vocabularies: {}, labelDelayDays: 7, entityLabels: true });
const samples = new PackedEntityState({ maxEntities: 1e9, ttlSeconds: 1e9 });
const { fields } = transactionBinding(TRANSACTION_EVENT_TYPE);
const T0 = Date.parse('2026-10-01T00:00:00Z');
const out = new Float32Array(engine.count);
for (const { transaction: tx } of new TransactionSimulator({ seed: 4, customers: 2000 }).generate(T0, T0 + 30 * 86_400_000, 100_000)) {
  engine.step({ eventId: tx.event_id, entityId: tx.entity_id, time: Date.parse(tx.event_time), values: transactionValues(tx, fields) }, packedLookup(samples), out, 0);
}
const customers = [...(await samples.getMany(Array.from({ length: 2000 }, (_, i) => `c:cust-${String(i).padStart(7, '0')}`))).values()];

async function fill(label: string, id: (i: number) => string, value: (i: number) => number[]) {
  const before = await used();
  const state = new PackedEntityState({ maxEntities: ENTITIES, ttlSeconds: 30 * 86_400 });
  const started = performance.now();
  for (let i = 0; i < ENTITIES; i += 1000) {
    const batch = new Map<string, number[]>();
    for (let j = i; j < Math.min(ENTITIES, i + 1000); j++) batch.set(id(j), value(j));
    await state.putMany(batch);
  }
  const bytes = (await used()) - before;
  console.log(`${label}: ${state.size.toLocaleString('en-US')} in ${(bytes / 2 ** 20).toFixed(0)} MiB (${Math.round(bytes / state.size)} bytes each; heap + array buffers${gc ? '' : ', without --expose-gc: approximate'}), filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return state;
}

console.log(`customer state: ${customers[0]!.length} values each (aggregation keys merchant and ip_address kept apart)`);
const kept = [await fill('entity state, customers', (i) => `c:cust-${String(i).padStart(7, '0')}`, (i) => customers[i % customers.length]!)];
kept.push(await fill('replay window, remembered decisions', (i) => `e:${String(i).padStart(8, '0')}-7d1c-4a8e-a1b2-${String(i).padStart(12, '0')}`, (i) => encodeReplay(900, 123456789, [3, 17, 40], [i, 1, 0.5], [i, 281_474_976_710_655 - i])));
console.log(`together: ${kept.reduce((n, s) => n + s.size, 0).toLocaleString('en-US')} entries`);
