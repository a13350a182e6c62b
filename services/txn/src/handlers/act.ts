import { fromMskEvent, lazyHandler, type MskEvent } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import { actDepsFrom } from '../deps/actDeps.js';
import { actBatch, type ActDeps, type ActSummary } from '../pipeline/actBatch.js';

/** MSK batch from `processed_transactions` -> data lake objects, and an alert per block. */
export const act = (deps: ActDeps, event: MskEvent): Promise<ActSummary> => actBatch(fromMskEvent(event), deps);

export const handler = lazyHandler(() => actDepsFrom(loadTxnConfig()), act);
