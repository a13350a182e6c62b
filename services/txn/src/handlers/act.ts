import { fromMskEvent, lazyHandler, type MskEvent } from '@sfc/shared';
import { createMetrics } from '@sfc/shared/observability/metrics.js';
import { instrument, type LambdaContext } from '@sfc/shared/observability/instrument.js';
import { tracerFor } from '@sfc/shared/observability/tracer.js';
import { loadTxnConfig } from '../config.js';
import { cachedTxnLogger } from '../context.js';
import { actDepsFrom } from '../deps/actDeps.js';
import { recordAct } from '../observability/txnMetrics.js';
import { actBatch, type ActDeps, type ActSummary } from '../pipeline/actBatch.js';

/** MSK batch from `processed_transactions` -> data lake objects, and one alert per block. */
export const act = (deps: ActDeps, event: MskEvent, context?: LambdaContext): Promise<ActSummary> => {
  // In Lambda an alert stays "in progress" for the invocation's remaining time, then may be retried.
  if (context && deps.ledger) deps.ledger.config.registerLambdaContext(context as never);
  return actBatch(fromMskEvent(event), deps);
};

export const handler = instrument(lazyHandler(() => actDepsFrom(loadTxnConfig()), act), {
  name: 'act', metrics: createMetrics('txn'), tracer: tracerFor('txn'), logger: cachedTxnLogger('act'), record: recordAct,
});
