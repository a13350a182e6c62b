import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type EntityState, type FraudScorer, type Logger } from '@sfc/shared';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import type { TxnConfig } from '../config.js';
import { topicsFrom, txnLogger } from '../context.js';
import { resolveModelDir, resolveModelsDir } from '../modelDir.js';
import { OnnxFraudScorer } from '../scoring/OnnxFraudScorer.js';
import { ModelLibrary } from '../scoring/ModelLibrary.js';
import type { OnnxModel } from '../scoring/OnnxModel.js';
import type { OutcomeRules } from '../scoring/rules.js';
import type { ScoreDeps } from '../pipeline/scoreBatch.js';
import { Detector } from '../rules/Detector.js';
import { readDetectorFile, thresholdDetector } from '../rules/detectorFile.js';
import { detectorFileOf, versionLabel, type DetectorVersion } from '../rules/detectorVersion.js';
import type { DetectorStore } from '../rules/DetectorStore.js';
import { FileDetectorStore } from '../rules/FileDetectorStore.js';
import { VersionedDetector } from '../rules/VersionedDetector.js';
import { ListCache } from '../lists/ListCache.js';
import type { ListStore } from '../lists/ListStore.js';

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

/** The lists adapter the configuration names: files under DATA_DIR/lists, or the DynamoDB table. */
export async function listStoreFrom(c: TxnConfig): Promise<ListStore> {
  if (c.LISTS_STORE === 'file') {
    const { FileListStore } = await import('../lists/FileListStore.js');
    return new FileListStore(join(c.DATA_DIR, 'lists'));
  }
  if (!c.LISTS_TABLE) throw new ConfigError('LISTS_TABLE', 'is required when LISTS_STORE=dynamodb');
  const { DynamoListStore } = await import('../lists/DynamoListStore.js');
  return new DynamoListStore(c.LISTS_TABLE, { endpoint: c.AWS_ENDPOINT_URL || undefined });
}

/** Detector versions live beside the lists: DATA_DIR/detectors with LISTS_STORE=file, the lists table with dynamodb. */
export async function detectorStoreFrom(c: TxnConfig): Promise<DetectorStore> {
  if (c.LISTS_STORE === 'file') return new FileDetectorStore(join(c.DATA_DIR, 'detectors'));
  if (!c.LISTS_TABLE) throw new ConfigError('LISTS_TABLE', 'is required when LISTS_STORE=dynamodb (detector versions live in the lists table)');
  const { DynamoDetectorStore } = await import('../rules/DynamoDetectorStore.js');
  return new DynamoDetectorStore(c.LISTS_TABLE, { endpoint: c.AWS_ENDPOINT_URL || undefined });
}

const openListsFor = (c: TxnConfig) => async (names: string[]) => ListCache.open(await listStoreFrom(c), names, {
  refreshMs: c.LISTS_STORE === 'file' ? 0 : c.LISTS_REFRESH_SECONDS * 1000, logger: txnLogger(c, 'score'),
});

/** A version's rules compiled, its lists opened; errors name the detector, the version and the rule. */
export async function versionDetector(c: TxnConfig, v: DetectorVersion): Promise<Detector> {
  return Detector.load(detectorFileOf(v), openListsFor(c), `detector ${v.detectorId} version ${v.detectorVersionId}`, versionLabel(v.detectorId, v.detectorVersionId));
}

/**
 * The detector: the ACTIVE detector version (DETECTOR_ID, `npm run detectors`), switched at run time;
 * while there is none, DETECTOR_FILE's rules, else the thresholds as rules. Lists are loaded only when a rule names one.
 */
export async function detectorFrom(c: TxnConfig, thresholds: OutcomeRules, models?: ModelLibrary, logger: Logger = txnLogger(c, 'score')): Promise<VersionedDetector> {
  const def = c.DETECTOR_FILE ? readDetectorFile(c.DETECTOR_FILE) : thresholdDetector(thresholds);
  const fallback = await Detector.load(def, openListsFor(c), c.DETECTOR_FILE || 'the default detector');
  return VersionedDetector.open({
    store: await detectorStoreFrom(c), detectorId: c.DETECTOR_ID, fallback, ...(models ? { models } : {}),
    refreshMs: c.LISTS_STORE === 'file' ? 0 : c.LISTS_REFRESH_SECONDS * 1000,
    load: (v) => versionDetector(c, v), logger,
  });
}

/** The models detector versions may name: the loaded one and MODELS_DIR's folders (see ModelLibrary). */
export const modelLibraryFrom = (c: TxnConfig, loaded: OnnxModel): ModelLibrary =>
  new ModelLibrary(loaded, resolveModelsDir(c.MODELS_DIR, resolveModelDir(c.FRAUD_MODEL_DIR)));

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
  const scorer = await scorerFrom(c, rules);
  return {
    scorer,
    producer: await topicsFrom(c),
    topics: { processed: c.PROCESSED_TOPIC, dlq: c.DLQ_TOPIC },
    rules,
    detector: await detectorFrom(c, rules, scorer instanceof OnnxFraudScorer ? modelLibraryFrom(c, scorer.model) : undefined),
    maxRecordBytes: c.MAX_RECORD_BYTES,
    eventTimeWindow: { maxAheadMs: c.EVENT_TIME_MAX_AHEAD_MINUTES * 60_000, maxAgeMs: c.EVENT_TIME_MAX_AGE_DAYS * 86_400_000 },
    logger: txnLogger(c, 'score'),
  };
}
