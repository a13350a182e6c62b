import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { sha256Hex, transactionFingerprint, type EntityState, type FraudScore, type FraudScorer, type ScoredBatch, type Transaction } from '@sfc/shared';
import { StatefulExtractor } from '../features/StatefulExtractor.js';
import { loadModelFeatures, type ModelFeatures } from '../features/modelFeatures.js';
import type { EventInput } from '../features/types.js';
import { transactionValues } from '../eventType/transaction.js';
import { PathExplainer, type TreeDump } from './explain.js';
import { phrase, topFeatures } from './reasons.js';
import { decodeReplay, encodeReplay } from './replay.js';
import { ModelError } from '../errors.js';

export interface OnnxScorerOptions {
  modelDir: string;
  state: EntityState<number[]>;
  /** Scores at or above this get reasons (explaining every approval would waste time). */
  explainFrom: number;
  /** How long each event's decision is remembered, so a retried batch changes nothing (seconds); 0: not at all (batch scoring of files). */
  replayTtlSeconds: number;
}

/** The live transaction as the feature code's event; its fingerprint covers every field, not only the model's. */
export function transactionEvent(tx: Transaction, features: ModelFeatures): EventInput {
  return { eventId: tx.event_id, entityId: tx.entity_id, time: Date.parse(tx.event_time), values: transactionValues(tx, features.fields), fingerprint: transactionFingerprint(tx) };
}

/**
 * The self-hosted scorer: features from the model's event type and the entity state, a tree ensemble
 * in ONNX, and path-attribution reasons. Replay-safe: an event already in the state's replay window
 * gets the score and reasons it got the first time and changes no state; an event id already used for
 * a transaction with other content is not scored (`conflict`: the pipeline dead-letters it).
 */
export class OnnxFraudScorer implements FraudScorer {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly features: ModelFeatures,
    private readonly explainer: PathExplainer,
    readonly modelVersion: string,
    private readonly options: OnnxScorerOptions,
    private readonly extractor = new StatefulExtractor(features.engine, options.state, options.replayTtlSeconds),
  ) {}

  static async load(options: OnnxScorerOptions): Promise<OnnxFraudScorer> {
    const dir = options.modelDir;
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
    return new OnnxFraudScorer(session, features, explainer, `lgbm-${sha256Hex(bytes).slice(0, 12)}`, options);
  }

  async scoreBatch(transactions: Transaction[]): Promise<ScoredBatch> {
    return this.scoreEvents(transactions.map((tx) => transactionEvent(tx, this.features)));
  }

  /** Scores events of the model's event type in order (batch scoring of CSVs uses this too). */
  async scoreEvents(events: EventInput[]): Promise<ScoredBatch> {
    if (events.length === 0) return { scores: [], modelVersion: this.modelVersion, modelTimeMs: 0 };
    const { engine, signature, spec } = this.features;
    const F = engine.count;
    const x = await this.extractor.extract(events);
    const started = performance.now();
    let probabilities: Float32Array = new Float32Array(0);
    if (x.fresh.length > 0) {
      // Fetch only the probabilities: the int64 label output is not needed.
      const input = new ort.Tensor('float32', x.values, [x.fresh.length, F]);
      probabilities = (await this.session.run({ [spec.input]: input }, [spec.output]))[spec.output]!.data as Float32Array;
    }
    const modelTimeMs = performance.now() - started;
    const decisions = new Map<string, number[]>();
    const scores: FraudScore[] = new Array(events.length);
    x.fresh.forEach((i, r) => {
      const score = Math.min(1000, Math.max(0, Math.round(probabilities[2 * r + 1]! * 1000)));
      const top = score >= this.options.explainFrom ? topFeatures(this.explainer.contributions(x.values, r * F)) : [];
      const topValues = top.map((f) => x.values[r * F + f]!);
      scores[i] = { score, reasons: phrase(engine.defs, top, topValues) };
      if (x.contents.length > 0) decisions.set(x.replayIds[i]!, encodeReplay(score, signature, top, topValues, x.contents[i]!));
    });
    for (const [i, vector] of x.remembered) {
      const r = decodeReplay(vector);
      scores[i] = { score: r.score, reasons: r.signature === signature ? phrase(engine.defs, r.features, r.values) : [] };
    }
    for (const [i, first] of x.repeats) scores[i] = scores[first]!;
    for (const [i, reason] of x.conflicts) scores[i] = { score: 0, reasons: [], conflict: { field: 'event_id', reason } };
    await x.commit(decisions);
    return { scores, modelVersion: this.modelVersion, modelTimeMs };
  }
}
