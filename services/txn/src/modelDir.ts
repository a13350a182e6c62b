import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The fraud model directory: FRAUD_MODEL_DIR when set, else `model/` in the working directory (the
 * Lambda package root and the service folder under `serverless invoke local`), else the repository's
 * `services/txn/model` (npm start and tests run from the root).
 */
export function resolveModelDir(configured: string, cwd = process.cwd()): string {
  if (configured) return resolve(cwd, configured);
  const candidates = [join(cwd, 'model'), join(cwd, 'services', 'txn', 'model')];
  return candidates.find((d) => existsSync(join(d, 'model.onnx'))) ?? candidates[0]!;
}

/** MODELS_DIR: other models by version (see ModelLibrary); empty = `models/` beside the model directory. */
export function resolveModelsDir(configured: string, modelDir: string, cwd = process.cwd()): string {
  return configured ? resolve(cwd, configured) : join(dirname(modelDir), 'models');
}
