import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type EntityState, type FraudScorer } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import type { TxnConfig } from '../config.js';
import { topicsFrom, txnLogger } from '../context.js';
import { resolveModelDir } from '../modelDir.js';
import { OnnxFraudScorer } from '../scoring/OnnxFraudScorer.js';
import type { OutcomeRules } from '../scoring/rules.js';
import type { ScoreDeps } from '../pipeline/scoreBatch.js';

/** One in-memory state per process: the embedded `score` and `label` handlers must share it, as they share a table in AWS. */
let processState: PackedEntityState | undefined;

export async function entityStateFrom(c: TxnConfig): Promise<EntityState<number[]>> {
  if (c.ENTITY_STATE === 'memory') return (processState ??= new PackedEntityState({ maxEntities: c.ENTITY_MAX, ttlSeconds: c.ENTITY_TTL_DAYS * 86_400 }));
  if (!c.ENTITY_TABLE) throw new ConfigError('ENTITY_TABLE', 'is required when ENTITY_STATE=dynamodb');
  const { DynamoEntityState } = await import('@sfc/shared/adapters/DynamoEntityState.js');
  return new DynamoEntityState<number[]>({ tableName: c.ENTITY_TABLE, ttlSeconds: c.ENTITY_TTL_DAYS * 86_400, endpoint: c.AWS_ENDPOINT_URL || undefined });
}

/** Outcome thresholds: configured values, else the ones the model's report recommends. */
export function rulesFrom(c: TxnConfig): OutcomeRules {
  let recommended: OutcomeRules = { block: 900, review: 700 };
  if (c.BLOCK_THRESHOLD === '' || c.REVIEW_THRESHOLD === '') {
    const metrics = JSON.parse(readFileSync(join(resolveModelDir(c.FRAUD_MODEL_DIR), 'metrics.json'), 'utf8'));
    recommended = metrics.recommended_rules as OutcomeRules;
  }
  const rules = { block: c.BLOCK_THRESHOLD === '' ? recommended.block : c.BLOCK_THRESHOLD, review: c.REVIEW_THRESHOLD === '' ? recommended.review : c.REVIEW_THRESHOLD };
  if (rules.review > rules.block) throw new ConfigError('REVIEW_THRESHOLD', `(${rules.review}) must not exceed BLOCK_THRESHOLD (${rules.block})`);
  return rules;
}

export const onnxScorerFrom = async (c: TxnConfig, explainFrom: number): Promise<OnnxFraudScorer> =>
  OnnxFraudScorer.load({ modelDir: resolveModelDir(c.FRAUD_MODEL_DIR), state: await entityStateFrom(c), explainFrom, replayTtlSeconds: c.ENTITY_REPLAY_HOURS * 3600 });

export async function scorerFrom(c: TxnConfig, rules: OutcomeRules): Promise<FraudScorer> {
  if (c.FRAUD_SCORER === 'afd') {
    if (!c.AFD_DETECTOR_ID) throw new ConfigError('AFD_DETECTOR_ID', 'is required when FRAUD_SCORER=afd');
    const { AfdFraudScorer } = await import('../scoring/AfdFraudScorer.js');
    return AfdFraudScorer.fromConfig(c);
  }
  const scorer = await onnxScorerFrom(c, rules.review);
  if (scorer.features.unbound.length > 0) {
    txnLogger(c, 'score').warn('model variables no transaction field feeds (always missing)', { variables: scorer.features.unbound });
  }
  return scorer;
}

export async function scoreDepsFrom(c: TxnConfig): Promise<ScoreDeps> {
  const rules = rulesFrom(c);
  return {
    scorer: await scorerFrom(c, rules),
    producer: await topicsFrom(c),
    topics: { processed: c.PROCESSED_TOPIC, dlq: c.DLQ_TOPIC },
    rules,
    maxRecordBytes: c.MAX_RECORD_BYTES,
    eventTimeWindow: { maxAheadMs: c.EVENT_TIME_MAX_AHEAD_MINUTES * 60_000, maxAgeMs: c.EVENT_TIME_MAX_AGE_DAYS * 86_400_000 },
    logger: txnLogger(c, 'score'),
  };
}
