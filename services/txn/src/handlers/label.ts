import { fromMskEvent, lazyHandler, type MskEvent } from '@sfc/shared';
import { createMetrics } from '@sfc/shared/observability/metrics.js';
import { instrument } from '@sfc/shared/observability/instrument.js';
import { tracerFor } from '@sfc/shared/observability/tracer.js';
import { loadTxnConfig } from '../config.js';
import { cachedTxnLogger } from '../context.js';
import { labelDepsFrom } from '../deps/labelDeps.js';
import { recordLabels } from '../observability/txnMetrics.js';
import { labelBatch, type LabelBatchSummary, type LabelDeps } from '../pipeline/labelBatch.js';

/** MSK batch from `fraud_labels` -> known frauds folded into the entity state; bad records on the DLQ. */
export const label = (deps: LabelDeps, event: MskEvent): Promise<LabelBatchSummary> => labelBatch(fromMskEvent(event), deps);

export const handler = instrument(lazyHandler(() => labelDepsFrom(loadTxnConfig()), label), {
  name: 'label', metrics: createMetrics('txn'), tracer: tracerFor('txn'), logger: cachedTxnLogger('label'), record: recordLabels,
});
