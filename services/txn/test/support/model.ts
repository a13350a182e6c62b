import { MemoryEntityState } from '@sfc/shared/adapters/MemoryEntityState.js';
import { OnnxFraudScorer } from '../../src/scoring/OnnxFraudScorer.js';
import { resolveModelDir } from '../../src/modelDir.js';
import type { EntityProfile } from '../../src/features/profile.js';

/** The shipped model with a fresh in-memory entity state. */
export const shippedScorer = (explainFrom = 0) =>
  OnnxFraudScorer.load({ modelDir: resolveModelDir(''), state: new MemoryEntityState<EntityProfile>(), explainFrom });
