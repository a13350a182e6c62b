import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityState } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { OnnxFraudScorer } from '../../src/scoring/OnnxFraudScorer.js';
import { resolveModelDir } from '../../src/modelDir.js';
import { modelVersionOf } from '../../src/scoring/OnnxModel.js';

/** The shipped model over `state` (default: a fresh packed in-memory state), remembering decisions for an hour. */
export const shippedScorer = (explainFrom = 0, state: EntityState<number[]> = new PackedEntityState({ maxEntities: 100_000, ttlSeconds: 30 * 86_400 })) =>
  OnnxFraudScorer.load({ modelDir: resolveModelDir(''), state, explainFrom, replayTtlSeconds: 3600 });

/**
 * A second model for tests of versions that name their own model: the shipped one with its output
 * multiplied by `factor` (the graph's final `Mul` by the initializer `one`, 1.0f, rewritten in place),
 * so it has its own version and its own scores and the shipped model's features. Written to
 * `<modelsDir>/<its version>/`, as MODELS_DIR holds models.
 */
export function scaledModel(modelsDir: string, factor: number): { dir: string; modelVersion: string } {
  const from = resolveModelDir('');
  const bytes = readFileSync(join(from, 'model.onnx'));
  // TensorProto `one`: float_data (field 4, packed, 4 bytes) = 1.0f.
  const one = Buffer.from([0x22, 0x04, 0x00, 0x00, 0x80, 0x3f]);
  const at = bytes.indexOf(one);
  if (at < 0 || bytes.indexOf(one, at + 1) >= 0) throw new Error('the shipped model.onnx no longer has exactly one 1.0f initializer to rewrite');
  const scaled = Buffer.from(bytes);
  scaled.writeFloatLE(factor, at + 2);
  const modelVersion = modelVersionOf(scaled);
  const dir = join(modelsDir, modelVersion);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(from)) if (f !== 'model.onnx') copyFileSync(join(from, f), join(dir, f));
  writeFileSync(join(dir, 'model.onnx'), scaled);
  return { dir, modelVersion };
}
