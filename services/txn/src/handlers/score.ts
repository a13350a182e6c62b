import { fromMskEvent, lazyHandler, type MskEvent } from '@sfc/shared';
import { createMetrics } from '@sfc/shared/observability/metrics.js';
import { instrument } from '@sfc/shared/observability/instrument.js';
import { tracerFor } from '@sfc/shared/observability/tracer.js';
import { loadTxnConfig } from '../config.js';
import { cachedTxnLogger } from '../context.js';
import { scoreDepsFrom } from '../deps/scoreDeps.js';
import { recordScore } from '../observability/txnMetrics.js';
import { scoreBatch, type ScoreDeps, type ScoreSummary } from '../pipeline/scoreBatch.js';

/** MSK batch from `transactions` -> scored records on `processed_transactions`, bad ones on the DLQ. */
export const score = (deps: ScoreDeps, event: MskEvent): Promise<ScoreSummary> => scoreBatch(fromMskEvent(event), deps);

export const handler = instrument(lazyHandler(() => scoreDepsFrom(loadTxnConfig()), score), {
  name: 'score', metrics: createMetrics('txn'), tracer: tracerFor('txn'), logger: cachedTxnLogger('score'), record: recordScore,
});
