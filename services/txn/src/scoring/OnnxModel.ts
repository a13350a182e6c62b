import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { sha256Hex } from '@sfc/shared';
import { loadModelFeatures, type ModelFeatures } from '../features/modelFeatures.js';
import { ModelError } from '../errors.js';
import { PathExplainer, type TreeDump } from './explain.js';

/** A model's version as `fd.model_version` names it: the hash of its ONNX bytes. */
export const modelVersionOf = (onnx: Buffer): string => `lgbm-${sha256Hex(onnx).slice(0, 12)}`;

/**
 * What must be equal for two models to take the same feature rows: the event type, the feature
 * settings (keys, vocabularies, label feedback) and the names. Only the live model's features are
 * computed, from entity state kept in its layout, so a second model is fed those rows or none.
 */
export const featureKey = (f: ModelFeatures): string => {
  const { labelDelayDays: _delay, ...spec } = f.spec;
  return JSON.stringify([f.eventType, spec]);
};

/** One model directory loaded: the ONNX session, its features and its explainer. */
export class OnnxModel {
  private constructor(readonly session: ort.InferenceSession, readonly features: ModelFeatures, readonly explainer: PathExplainer, readonly modelVersion: string, readonly dir: string) {}

  get featureKey(): string { return featureKey(this.features); }

  static async load(dir: string): Promise<OnnxModel> {
    const features = loadModelFeatures(dir);
    const read = (name: string) => {
      try {
        return readFileSync(join(dir, name));
      } catch (err) {
        throw new ModelError(`cannot read ${join(dir, name)} (set FRAUD_MODEL_DIR, or train one with npm run train:fraud)`, err);
      }
    };
    const bytes = read('model.onnx');
    // Severity 3 (errors only): the converted model declares a fixed label shape that ORT warns about per batch.
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 3 });
    const explainer = new PathExplainer(JSON.parse(read('trees.json').toString('utf8')) as TreeDump, features.engine.names);
    return new OnnxModel(session, features, explainer, modelVersionOf(bytes), dir);
  }

  /** Fraud probabilities of `rows` feature rows (the second column of the model's output). */
  async probabilities(values: Float32Array, rows: number): Promise<Float32Array> {
    if (rows === 0) return new Float32Array(0);
    const { spec, engine } = this.features;
    // Fetch only the probabilities: the int64 label output is not needed.
    const input = new ort.Tensor('float32', values, [rows, engine.count]);
    return (await this.session.run({ [spec.input]: input }, [spec.output]))[spec.output]!.data as Float32Array;
  }
}
