import { transactionFingerprint, type EntityState, type FraudScore, type FraudScorer, type ScoredBatch, type Transaction } from '@sfc/shared';
import { StatefulExtractor } from '../features/StatefulExtractor.js';
import type { ModelFeatures } from '../features/modelFeatures.js';
import type { EventInput } from '../features/types.js';
import { transactionValues } from '../eventType/transaction.js';
import { OnnxModel } from './OnnxModel.js';
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

/** Models other than FRAUD_MODEL_DIR's for one batch (a detector version's own model), fed the same feature rows. */
export interface ModelChoice {
  /** The model whose score decides (`fd.score`, `fd.model_version`, remembered for replays); default: the loaded one. */
  decide?: OnnxModel;
  /** Models scored beside it and acted on by nobody (a shadow version's). */
  also?: readonly OnnxModel[];
}

export interface MultiScoredBatch extends ScoredBatch {
  /**
   * Each `also` model's scores by its version, per event; undefined for an event whose decision was
   * remembered from the replay window (its features are not computed again) or that conflicts.
   */
  others: Map<string, (FraudScore | undefined)[]>;
  /** `also` models whose inference failed this batch, with why: they only shadow, so the batch goes on without them. */
  failed?: Map<string, string>;
}

/**
 * The self-hosted scorer: features from the model's event type and the entity state, a tree ensemble
 * in ONNX, and path-attribution reasons. Replay-safe: an event already in the state's replay window
 * gets the score and reasons it got the first time and changes no state; an event id already used for
 * a transaction with other content is not scored (`conflict`: the pipeline dead-letters it). Features
 * are computed once per event, with the loaded model's definition; other models with the same
 * features (ModelChoice) take the same rows.
 */
export class OnnxFraudScorer implements FraudScorer {
  private constructor(
    readonly model: OnnxModel,
    private readonly options: OnnxScorerOptions,
    private readonly extractor = new StatefulExtractor(model.features.engine, options.state, options.replayTtlSeconds),
  ) {}

  get features(): ModelFeatures { return this.model.features; }
  get modelVersion(): string { return this.model.modelVersion; }

  static async load(options: OnnxScorerOptions): Promise<OnnxFraudScorer> {
    return new OnnxFraudScorer(await OnnxModel.load(options.modelDir), options);
  }

  async scoreBatch(transactions: Transaction[], models: ModelChoice = {}): Promise<MultiScoredBatch> {
    return this.scoreEvents(transactions.map((tx) => transactionEvent(tx, this.features)), models);
  }

  /** Scores events of the model's event type in order (batch scoring of CSVs uses this too). */
  async scoreEvents(events: EventInput[], models: ModelChoice = {}): Promise<MultiScoredBatch> {
    const model = models.decide ?? this.model;
    const also = (models.also ?? []).filter((m) => m.modelVersion !== model.modelVersion);
    for (const m of [model, ...also]) {
      if (m !== this.model && m.featureKey !== this.model.featureKey) throw new ModelError(`model ${m.modelVersion} (${m.dir}) has other features than ${this.model.modelVersion} (${this.model.dir}): it cannot take its feature rows`);
    }
    const others = new Map<string, (FraudScore | undefined)[]>(also.map((m) => [m.modelVersion, new Array<FraudScore | undefined>(events.length)]));
    if (events.length === 0) return { scores: [], modelVersion: model.modelVersion, modelTimeMs: 0, others };
    const { engine, signature } = this.features;
    const F = engine.count;
    const x = await this.extractor.extract(events);
    const started = performance.now();
    const probabilities = await model.probabilities(x.values, x.fresh.length);
    // An `also` model only shadows: its failure must not fail the deciding model's batch.
    const failed = new Map<string, string>();
    const alsoProbabilities = await Promise.all(also.map((m) => m.probabilities(x.values, x.fresh.length).catch((err: unknown) => {
      failed.set(m.modelVersion, (err as Error).message);
      return undefined;
    })));
    const modelTimeMs = performance.now() - started;
    const decisions = new Map<string, number[]>();
    const scores: FraudScore[] = new Array(events.length);
    const scoreOf = (m: OnnxModel, p: Float32Array, r: number) => {
      const score = Math.min(1000, Math.max(0, Math.round(p[2 * r + 1]! * 1000)));
      const top = score >= this.options.explainFrom ? topFeatures(m.explainer.contributions(x.values, r * F)) : [];
      return { score, top, topValues: top.map((f) => x.values[r * F + f]!) };
    };
    x.fresh.forEach((i, r) => {
      const { score, top, topValues } = scoreOf(model, probabilities, r);
      scores[i] = { score, reasons: phrase(engine.defs, top, topValues) };
      if (x.contents.length > 0) decisions.set(x.replayIds[i]!, encodeReplay(score, signature, top, topValues, x.contents[i]!));
      also.forEach((m, k) => {
        if (!alsoProbabilities[k]) return;
        const o = scoreOf(m, alsoProbabilities[k], r);
        others.get(m.modelVersion)![i] = { score: o.score, reasons: phrase(engine.defs, o.top, o.topValues) };
      });
    });
    for (const [i, vector] of x.remembered) {
      const r = decodeReplay(vector);
      scores[i] = { score: r.score, reasons: r.signature === signature ? phrase(engine.defs, r.features, r.values) : [] };
    }
    for (const [i, first] of x.repeats) {
      scores[i] = scores[first]!;
      for (const o of others.values()) o[i] = o[first];
    }
    for (const [i, reason] of x.conflicts) scores[i] = { score: 0, reasons: [], conflict: { field: 'event_id', reason } };
    await x.commit(decisions);
    return { scores, modelVersion: model.modelVersion, modelTimeMs, others, ...(failed.size > 0 ? { failed } : {}) };
  }
}
