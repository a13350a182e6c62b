import { MAX_TTDF_MS, TransactionSchema, type DecodedMskRecord, type FraudDecision, type FraudScore, type FraudScorer, type ScoredBatch, type ShadowDecision, type Logger, type OutgoingMessage, type Outcome, type ScoredTransaction, type TopicProducer, type Transaction } from '@sfc/shared';
import { decide, type OutcomeRules } from '../scoring/rules.js';
import type { RuleDecider } from '../rules/Detector.js';
import type { LiveVersion } from '../rules/VersionedDetector.js';
import type { ModelChoice, MultiScoredBatch } from '../scoring/OnnxFraudScorer.js';
import { deadLetter } from './deadLetter.js';
import { decodeRecord } from './decode.js';
import { withinEventTimeWindow, type EventTimeWindow } from './eventTimeWindow.js';

export interface ScoreDeps {
  scorer: FraudScorer;
  producer: TopicProducer;
  topics: { processed: string; dlq: string };
  rules: OutcomeRules;
  /**
   * The detector's rules and lists (its ACTIVE version, if any); without one, outcomes come from the
   * `rules` thresholds alone. `model`: the ACTIVE version's own model; `shadow`: the SHADOW version,
   * decided beside it (`fd_shadow`) and acted on by nobody.
   */
  detector?: RuleDecider & { readonly model?: ModelChoice['decide']; readonly shadow?: LiveVersion };
  maxRecordBytes: number;
  /** Live plausibility window of event_time; absent: none (replays of historical data). */
  eventTimeWindow?: EventTimeWindow;
  logger: Logger;
  now?: () => number;
}

export interface ScoreSummary {
  received: number;
  scored: number;
  deadLettered: number;
  outcomes: Record<Outcome, number>;
}

/**
 * Scores one batch: decode and validate every record, score the valid ones in order, produce
 * ScoredTransactions keyed by entity, and dead-letter the rest with their reason. Never throws for
 * bad records; throws only when scoring or producing fails, so the whole batch is retried.
 */
export async function scoreBatch(records: DecodedMskRecord[], deps: ScoreDeps): Promise<ScoreSummary> {
  const now = deps.now ?? Date.now;
  const started = performance.now();
  const valid: { record: DecodedMskRecord; tx: Transaction }[] = [];
  const dlq: OutgoingMessage[] = [];
  for (const record of records) {
    // ttdf is measured from the Kafka timestamp: one so old that ttdf would exceed its bound is not
    // plausible, and act would refuse the scored record.
    const stale = now() - record.timestamp > MAX_TTDF_MS;
    const decoded = stale
      ? { ok: false as const, kind: 'decode' as const, field: 'timestamp', reason: `record timestamp ${record.timestamp} is more than ${MAX_TTDF_MS / 86_400_000} days before the decision` }
      : withinEventTimeWindow(decodeRecord('Transaction', TransactionSchema, record, deps.maxRecordBytes), record, deps.eventTimeWindow);
    if (decoded.ok) valid.push({ record, tx: decoded.value });
    else dlq.push(deadLetter(record, 'score', decoded, new Date(now())));
  }
  // The versions first: which models score this batch depends on them.
  await deps.detector?.refresh();
  const shadow = deps.detector?.shadow;
  const batch = await scoreWith(deps, valid.map((v) => v.tx), shadow);
  const decidedAt = now();
  const perRecordMs = (performance.now() - started) / Math.max(records.length, 1);
  const outcomes: Record<Outcome, number> = { approve: 0, review: 0, block: 0 };
  const out: OutgoingMessage[] = [];
  valid.forEach(({ record, tx }, i) => {
    const s = batch.scores[i]!;
    if (s.conflict) return void dlq.push(deadLetter(record, 'score', { kind: 'conflict', ...s.conflict }, new Date(decidedAt)));
    const { outcome, matched } = decision(tx, s, deps);
    outcomes[outcome] += 1;
    const scored: ScoredTransaction = {
      ...tx,
      fd: {
        outcome,
        score: s.score,
        model_version: batch.modelVersion,
        reasons: s.reasons,
        ttdf_ms: Math.max(0, decidedAt - record.timestamp),
        proc_time_ms: perRecordMs,
        model_time_ms: batch.modelTimeMs / Math.max(valid.length, 1),
        ...matched,
      },
      ...(shadow ? shadowDecision(tx, shadowScore(batch, i, s, shadow), shadow) : {}),
    };
    out.push({ key: tx.entity_id, value: JSON.stringify(scored) });
  });
  if (out.length > 0) await deps.producer.send(deps.topics.processed, out);
  if (dlq.length > 0) {
    await deps.producer.send(deps.topics.dlq, dlq);
    // kind and field only: a decode reason quotes the record's bytes (`Unexpected token ... "{"email": ...`)
    const { kind, field } = (JSON.parse(String(dlq[0]!.value)) as { error: { kind: string; field: string | null } }).error;
    deps.logger.warn('dead-lettered records', { count: dlq.length, first: { kind, field } });
  }
  return { received: records.length, scored: out.length, deadLettered: dlq.length, outcomes };
}

/** Scores with the ACTIVE version's own model and the shadow's, when they name one other than the loaded model (ONNX only). */
async function scoreWith(deps: ScoreDeps, txs: Transaction[], shadow: LiveVersion | undefined): Promise<ScoredBatch | MultiScoredBatch> {
  const models: ModelChoice = { ...(deps.detector?.model ? { decide: deps.detector.model } : {}), ...(shadow?.model ? { also: [shadow.model] } : {}) };
  if (!models.decide && !models.also) return deps.scorer.scoreBatch(txs);
  const batch = await (deps.scorer as FraudScorer & { scoreBatch(t: Transaction[], m: ModelChoice): Promise<MultiScoredBatch> }).scoreBatch(txs, models);
  // A scorer that cannot run other models must not let a version decide on a score it did not ask for.
  if (models.decide && batch.modelVersion !== models.decide.modelVersion) throw new Error(`the scorer did not run model ${models.decide.modelVersion} that the ACTIVE detector version names`);
  for (const [modelVersion, error] of batch.failed ?? []) deps.logger.error('the shadow version\'s model failed on this batch: no fd_shadow for it, the live decisions go on', { model: modelVersion, error });
  return batch;
}

/** The shadow's score of event `i`: the deciding score when it runs the same model; undefined when its model had no features for it (a replay). */
function shadowScore(batch: ScoredBatch | MultiScoredBatch, i: number, s: FraudScore, shadow: LiveVersion): { score: FraudScore; modelVersion: string } | undefined {
  if (!shadow.model || shadow.model.modelVersion === batch.modelVersion) return { score: s, modelVersion: batch.modelVersion };
  const own = 'others' in batch ? batch.others.get(shadow.model.modelVersion)?.[i] : undefined;
  return own && { score: own, modelVersion: shadow.model.modelVersion };
}

/** `fd_shadow`: what the shadow version would have decided; nothing acts on it. */
function shadowDecision(tx: Transaction, s: { score: FraudScore; modelVersion: string } | undefined, shadow: LiveVersion): { fd_shadow?: ShadowDecision } {
  if (!s) return {};
  const d = shadow.detector.decide({ tx, score: s.score.score });
  return { fd_shadow: { outcome: d.outcome, score: s.score.score, model_version: s.modelVersion, reasons: s.score.reasons, rules: d.fd.rules, outcomes: d.fd.outcomes, detector_version: d.fd.detector_version! } };
}

/** The outcome and, when rules decided it, the rules that matched (AFD's own, or our detector's). */
function decision(tx: Transaction, s: FraudScore, deps: ScoreDeps): { outcome: Outcome; matched?: Pick<FraudDecision, 'rules' | 'outcomes' | 'detector_version'> } {
  if (s.outcome) {
    const rules = (s.ruleResults ?? []).map((r) => ({ rule_id: r.ruleId, rule_version: r.ruleVersion ?? '1', outcomes: r.outcomes }));
    return { outcome: s.outcome, ...(s.ruleResults ? { matched: { rules, outcomes: [...new Set(rules.flatMap((r) => r.outcomes))] } } : {}) };
  }
  if (!deps.detector) return { outcome: decide(s.score, deps.rules) };
  const d = deps.detector.decide({ tx, score: s.score });
  return { outcome: d.outcome, matched: d.fd };
}
