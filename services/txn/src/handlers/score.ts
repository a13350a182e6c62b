import { fromMskEvent, lazyHandler, type MskEvent } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import { scoreDepsFrom } from '../deps/scoreDeps.js';
import { scoreBatch, type ScoreDeps, type ScoreSummary } from '../pipeline/scoreBatch.js';

/** MSK batch from `transactions` -> scored records on `processed_transactions`, bad ones on the DLQ. */
export const score = (deps: ScoreDeps, event: MskEvent): Promise<ScoreSummary> => scoreBatch(fromMskEvent(event), deps);

export const handler = lazyHandler(() => scoreDepsFrom(loadTxnConfig()), score);
