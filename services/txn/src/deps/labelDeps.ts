import { objectStoreFrom } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import { topicsFrom, txnLogger } from '../context.js';
import { loadModelFeatures } from '../features/modelFeatures.js';
import { resolveModelDir } from '../modelDir.js';
import type { LabelDeps } from '../pipeline/labelBatch.js';
import { LabelFeedback } from '../scoring/LabelFeedback.js';
import { entityStateFrom } from './scoreDeps.js';

export async function labelDepsFrom(c: TxnConfig): Promise<LabelDeps> {
  return {
    feedback: new LabelFeedback(loadModelFeatures(resolveModelDir(c.FRAUD_MODEL_DIR)), await entityStateFrom(c), c.ENTITY_REPLAY_HOURS * 3600),
    producer: await topicsFrom(c),
    dlqTopic: c.DLQ_TOPIC,
    maxRecordBytes: c.MAX_RECORD_BYTES,
    lake: { store: await objectStoreFrom(c), bucket: c.LAKE_BUCKET, prefix: c.LAKE_LABELS_PREFIX },
    logger: txnLogger(c, 'label'),
  };
}
