// Memory of the embedded entity state for 1,000,000 customers (run with --expose-gc for exact numbers).
import { PackedProfileState } from '../../services/txn/src/features/PackedProfileState.js';
import { updateProfile } from '../../services/txn/src/features/compute.js';
import type { EntityProfile } from '../../services/txn/src/features/profile.js';
import { TransactionSimulator } from '../../services/txn/src/simulator/simulator.js';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 1_000_000);
const gc = (globalThis as { gc?: () => void }).gc;
const used = () => {
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// Realistic profiles (full histories) to copy under a million ids.
const T0 = Date.parse('2026-10-01T00:00:00Z');
const samples = new Map<string, EntityProfile>();
for (const { transaction: tx } of new TransactionSimulator({ seed: 4, customers: 2000 }).generate(T0, T0 + 30 * 86_400_000, 100_000)) {
  samples.set(tx.entity_id, updateProfile(tx, Date.parse(tx.event_time), samples.get(tx.entity_id)));
}
const profiles = [...samples.values()];
const before = used();
const state = new PackedProfileState({ maxEntities: ENTITIES, ttlSeconds: 30 * 86_400 });
const started = performance.now();
for (let i = 0; i < ENTITIES; i += 1000) {
  const batch = new Map<string, EntityProfile>();
  for (let j = i; j < Math.min(ENTITIES, i + 1000); j++) batch.set(`cust-${String(j).padStart(7, '0')}`, profiles[j % profiles.length]!);
  await state.putMany(batch);
}
const after = used();
console.log(`entity state: ${state.size.toLocaleString('en-US')} entities in ${((after - before) / 2 ** 20).toFixed(0)} MiB (${Math.round((after - before) / state.size)} bytes each; heap + array buffers${gc ? '' : ', without --expose-gc: approximate'}), filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
