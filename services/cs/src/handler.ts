import type { S3Event } from '@sfc/shared';
import { loadCsConfig } from './config.js';
import { createScanDeps } from './deps.js';
import { handleS3Event, type InvocationClock, type ScanSummary } from './scan/handleS3Event.js';

// Created once per container: configuration, object store client and the ONNX session. The
// document reader process starts on the first document and is reused by later invocations.
const deps = createScanDeps(loadCsConfig());
// a failed model load surfaces on the first invocation (awaited below), not as an unhandled rejection
deps.catch(() => undefined);

/** Lambda entry point: S3 ObjectCreated on the uploads bucket; the context's remaining time bounds each scan. */
export const handler = async (event: S3Event, context?: InvocationClock): Promise<Omit<ScanSummary, 'outcomes'>> => {
  const clock = typeof context?.getRemainingTimeInMillis === 'function' ? context : undefined;
  const { outcomes: _outcomes, ...summary } = await handleS3Event(await deps, event, clock);
  return summary;
};
