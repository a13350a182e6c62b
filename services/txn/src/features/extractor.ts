import type { EntityState, Transaction } from '@sfc/shared';
import { writeFeatures, updateProfile } from './compute.js';
import { FEATURE_COUNT } from './names.js';
import { emptyProfile, type EntityProfile } from './profile.js';

/** Features for a batch, in order; one row of FEATURE_COUNT values per transaction. */
export interface FeatureBatch {
  rows: number;
  values: Float32Array;
}

/**
 * Computes features for transactions in arrival order against the entity store, then saves the
 * updated profiles: one read and one write of the store per batch, not per record.
 */
export class FeatureExtractor {
  constructor(private readonly state: EntityState<EntityProfile>) {}

  async extract(transactions: Transaction[]): Promise<FeatureBatch> {
    const ids = [...new Set(transactions.map((t) => t.entity_id))];
    const profiles = await this.state.getMany(ids);
    const values = new Float32Array(transactions.length * FEATURE_COUNT);
    transactions.forEach((tx, row) => {
      const time = Date.parse(tx.event_time);
      const profile = profiles.get(tx.entity_id) ?? emptyProfile();
      writeFeatures(tx, time, profile, values, row * FEATURE_COUNT);
      profiles.set(tx.entity_id, updateProfile(tx, time, profile));
    });
    await this.state.putMany(profiles);
    return { rows: transactions.length, values };
  }
}
