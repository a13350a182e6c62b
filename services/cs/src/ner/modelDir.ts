import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The model folder: NER_MODEL_DIR when set, otherwise services/cs/model found from the working
 * directory (repo root or services/cs). No import.meta, so this also works inside a CJS bundle;
 * the container image sets NER_MODEL_DIR explicitly.
 */
export function resolveModelDir(configured: string, cwd = process.cwd()): string {
  if (configured) return resolve(cwd, configured);
  const candidates = [resolve(cwd, 'services/cs/model'), resolve(cwd, 'model'), resolve(cwd, '../../services/cs/model')];
  return candidates.find((dir) => existsSync(resolve(dir, 'labels.json'))) ?? candidates[0]!;
}
