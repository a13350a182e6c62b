import { FraudDetectorClient, GetEventPredictionCommand, type GetEventPredictionCommandOutput } from '@aws-sdk/client-frauddetector';
import type { FraudScore, FraudScorer, Outcome, ScoredBatch, Transaction } from '@sfc/shared';
import { toAfdVariables } from '../afd/variables.js';
import { AfdError } from '../errors.js';
import type { TxnConfig } from '../config.js';

/** The one call this adapter makes; a real FraudDetectorClient or a recorded stand-in in contract tests. */
export interface PredictionClient {
  send(command: GetEventPredictionCommand): Promise<GetEventPredictionCommandOutput>;
}

export interface AfdOptions {
  client: PredictionClient;
  detectorId: string;
  detectorVersionId?: string;
  eventTypeName: string;
  entityType: string;
  concurrency: number;
}

/** Maps a detector rule's outcome name onto ours; detectors name outcomes freely. */
export function toOutcome(name: string | undefined): Outcome {
  const n = (name ?? '').toLowerCase();
  if (/block|deny|reject|fraud/.test(n)) return 'block';
  if (/review|investigate|verify|challenge/.test(n)) return 'review';
  return 'approve';
}

/**
 * Scores with an existing Amazon Fraud Detector detector (GetEventPrediction per event, bounded
 * concurrency). Outcomes come from the detector's rules; reasons name the rules that matched.
 */
export class AfdFraudScorer implements FraudScorer {
  constructor(private readonly options: AfdOptions) {}

  static fromConfig(c: TxnConfig): AfdFraudScorer {
    const client = new FraudDetectorClient({ region: process.env.AWS_REGION ?? 'us-east-1', ...(c.AWS_ENDPOINT_URL ? { endpoint: c.AWS_ENDPOINT_URL } : {}) });
    return new AfdFraudScorer({
      client, detectorId: c.AFD_DETECTOR_ID, detectorVersionId: c.AFD_DETECTOR_VERSION || undefined,
      eventTypeName: c.AFD_EVENT_TYPE, entityType: c.AFD_ENTITY_TYPE, concurrency: c.AFD_CONCURRENCY,
    });
  }

  async scoreBatch(transactions: Transaction[]): Promise<ScoredBatch> {
    const started = performance.now();
    const scores: FraudScore[] = new Array(transactions.length);
    let next = 0;
    let version = 'afd';
    const worker = async () => {
      for (let i = next++; i < transactions.length; i = next++) {
        const { score, modelVersion } = await this.predict(transactions[i]!);
        scores[i] = score;
        version = modelVersion;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, transactions.length) }, worker));
    return { scores, modelVersion: version, modelTimeMs: performance.now() - started };
  }

  private async predict(tx: Transaction): Promise<{ score: FraudScore; modelVersion: string }> {
    const o = this.options;
    let res: GetEventPredictionCommandOutput;
    try {
      res = await o.client.send(new GetEventPredictionCommand({
        detectorId: o.detectorId,
        detectorVersionId: o.detectorVersionId,
        eventId: tx.event_id,
        eventTypeName: o.eventTypeName,
        eventTimestamp: tx.event_time,
        entities: [{ entityType: o.entityType, entityId: tx.entity_id }],
        eventVariables: toAfdVariables(tx),
      }));
    } catch (err) {
      const name = (err as Error).name;
      throw new AfdError(`GetEventPrediction for ${tx.event_id} failed: ${name}: ${(err as Error).message}`, {
        cause: err, retriable: name === 'ThrottlingException' || name === 'InternalServerException',
      });
    }
    const model = res.modelScores?.[0];
    const raw = model ? Object.values(model.scores ?? {})[0] : undefined;
    const matched = (res.ruleResults ?? []).filter((r) => (r.outcomes ?? []).length > 0);
    const mv = model?.modelVersion;
    return {
      score: {
        score: Math.min(1000, Math.max(0, Math.round(raw ?? 0))),
        outcome: toOutcome(matched[0]?.outcomes?.[0]),
        reasons: matched.map((r) => `detector rule ${r.ruleId} -> ${r.outcomes!.join(', ')}`),
        ruleResults: matched.map((r) => ({ ruleId: r.ruleId ?? '', outcomes: r.outcomes! })),
      },
      modelVersion: mv ? `afd:${mv.modelId}:${mv.modelVersionNumber}` : `afd:${o.detectorId}`,
    };
  }
}
