import type { EntityState } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { OnnxFraudScorer } from '../../src/scoring/OnnxFraudScorer.js';
import { resolveModelDir } from '../../src/modelDir.js';

/** The shipped model over `state` (default: a fresh packed in-memory state), remembering decisions for an hour. */
export const shippedScorer = (explainFrom = 0, state: EntityState<number[]> = new PackedEntityState({ maxEntities: 100_000, ttlSeconds: 30 * 86_400 })) =>
  OnnxFraudScorer.load({ modelDir: resolveModelDir(''), state, explainFrom, replayTtlSeconds: 3600 });
