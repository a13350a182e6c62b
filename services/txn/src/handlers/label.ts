import { fromMskEvent, lazyHandler, type MskEvent } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import { labelDepsFrom } from '../deps/labelDeps.js';
import { labelBatch, type LabelBatchSummary, type LabelDeps } from '../pipeline/labelBatch.js';

/** MSK batch from `fraud_labels` -> known frauds folded into the entity state; bad records on the DLQ. */
export const label = (deps: LabelDeps, event: MskEvent): Promise<LabelBatchSummary> => labelBatch(fromMskEvent(event), deps);

export const handler = lazyHandler(() => labelDepsFrom(loadTxnConfig()), label);
