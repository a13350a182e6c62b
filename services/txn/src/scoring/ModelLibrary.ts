import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@sfc/shared';
import { OnnxModel } from './OnnxModel.js';

/**
 * The models a detector version may name (`model.modelVersion`): the loaded one (FRAUD_MODEL_DIR), or
 * a folder of MODELS_DIR named by the version (`lgbm-<first 12 hex of sha256(model.onnx)>`) holding
 * what FRAUD_MODEL_DIR holds. Each is loaded once, when a version first needs it, and kept; a failed
 * load is not kept, so copying the folder in later is picked up. Only models with the loaded model's
 * features can be used: features are computed once, from entity state kept in that model's layout.
 */
export class ModelLibrary {
  private readonly cache = new Map<string, Promise<OnnxModel>>();

  constructor(readonly loaded: OnnxModel, readonly dir: string) {}

  get(modelVersion: string): Promise<OnnxModel> {
    if (modelVersion === this.loaded.modelVersion) return Promise.resolve(this.loaded);
    let model = this.cache.get(modelVersion);
    if (!model) {
      model = this.load(modelVersion);
      this.cache.set(modelVersion, model);
      model.catch(() => this.cache.delete(modelVersion));
    }
    return model;
  }

  private async load(modelVersion: string): Promise<OnnxModel> {
    const where = `model ${modelVersion}`;
    if (!/^[\w.-]{1,128}$/.test(modelVersion)) throw new ConfigError(where, 'is not a folder name (letters, digits, . _ -)');
    const dir = join(this.dir, modelVersion);
    if (!existsSync(join(dir, 'model.onnx'))) {
      throw new ConfigError(where, `not found: no ${join(dir, 'model.onnx')} (MODELS_DIR ${this.dir}; FRAUD_MODEL_DIR holds ${this.loaded.modelVersion}); copy the model's folder there as ${modelVersion}/`);
    }
    const model = await OnnxModel.load(dir).catch((err: Error) => { throw new ConfigError(where, `${dir}: ${err.message}`); });
    if (model.modelVersion !== modelVersion) throw new ConfigError(where, `${dir} holds model ${model.modelVersion}: a folder of MODELS_DIR must be named by the version of its model.onnx`);
    if (model.featureKey !== this.loaded.featureKey) {
      throw new ConfigError(where, `${dir} has other features (features.json, event_type.json) than the loaded model ${this.loaded.modelVersion} (${this.loaded.dir}); features are computed once, from entity state kept for the loaded model, so a version's model must be trained with the same event type, keys and vocabularies`);
    }
    return model;
  }
}
