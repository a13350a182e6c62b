import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { sha256Hex, type EntityState, type FraudScore, type FraudScorer, type ScoredBatch, type Transaction } from '@sfc/shared';
import { FeatureExtractor } from '../features/extractor.js';
import { FEATURE_COUNT, FEATURE_NAMES, FEATURE_VERSION } from '../features/names.js';
import type { EntityProfile } from '../features/profile.js';
import { PathExplainer, type TreeDump } from './explain.js';
import { topReasons } from './reasons.js';
import { ModelError } from '../errors.js';

export interface OnnxScorerOptions {
  modelDir: string;
  state: EntityState<EntityProfile>;
  /** Scores at or above this get reasons (explaining every approval would waste time). */
  explainFrom: number;
}

/** The self-hosted scorer: entity features, a tree ensemble in ONNX, and path-attribution reasons. */
export class OnnxFraudScorer implements FraudScorer {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly features: FeatureExtractor,
    private readonly explainer: PathExplainer,
    readonly modelVersion: string,
    private readonly explainFrom: number,
  ) {}

  static async load(options: OnnxScorerOptions): Promise<OnnxFraudScorer> {
    const dir = options.modelDir;
    const read = (name: string) => {
      try {
        return readFileSync(join(dir, name));
      } catch (err) {
        throw new ModelError(`cannot read ${join(dir, name)} (set FRAUD_MODEL_DIR, or train one with npm run train:fraud)`, err);
      }
    };
    const spec = JSON.parse(read('features.json').toString('utf8')) as { version: string; names: string[] };
    if (spec.version !== FEATURE_VERSION || spec.names.join(',') !== FEATURE_NAMES.join(',')) {
      throw new ModelError(`${join(dir, 'features.json')} was trained on features ${spec.version}; this build serves ${FEATURE_VERSION}: retrain the model`);
    }
    const bytes = read('model.onnx');
    // Severity 3 (errors only): the converted model declares a fixed label shape that ORT warns about per batch.
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 3 });
    const explainer = new PathExplainer(JSON.parse(read('trees.json').toString('utf8')) as TreeDump);
    return new OnnxFraudScorer(session, new FeatureExtractor(options.state), explainer, `lgbm-${sha256Hex(bytes).slice(0, 12)}`, options.explainFrom);
  }

  async scoreBatch(transactions: Transaction[]): Promise<ScoredBatch> {
    if (transactions.length === 0) return { scores: [], modelVersion: this.modelVersion, modelTimeMs: 0 };
    const { rows, values } = await this.features.extract(transactions);
    const started = performance.now();
    // Fetch only the probabilities: the int64 label output is not needed.
    const output = await this.session.run({ features: new ort.Tensor('float32', values, [rows, FEATURE_COUNT]) }, ['probabilities']);
    const probabilities = output.probabilities!.data as Float32Array;
    const modelTimeMs = performance.now() - started;
    const scores: FraudScore[] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const score = Math.min(1000, Math.max(0, Math.round(probabilities[2 * r + 1]! * 1000)));
      const reasons = score >= this.explainFrom ? topReasons(this.explainer.contributions(values, r * FEATURE_COUNT), values, r * FEATURE_COUNT) : [];
      scores[r] = { score, reasons };
    }
    return { scores, modelVersion: this.modelVersion, modelTimeMs };
  }
}
