import { createLogger, type S3Event } from '@sfc/shared';
import { createMetrics } from '@sfc/shared/observability/metrics.js';
import { instrument, type LambdaContext } from '@sfc/shared/observability/instrument.js';
import { tracerFor } from '@sfc/shared/observability/tracer.js';
import { loadCsConfig } from './config.js';
import { createScanDeps } from './deps.js';
import { recordScan, recordScanFailure } from './observability/csMetrics.js';
import { handleS3Event, type ScanSummary } from './scan/handleS3Event.js';

// Created once per container: configuration, object store client and the ONNX session.
const config = loadCsConfig();
const deps = createScanDeps(config);
// a failed model load surfaces on the first invocation (awaited below), not as an unhandled rejection
deps.catch(() => undefined);

const scan = instrument(async (event: S3Event) => handleS3Event(await deps, event), {
  name: 'scan', metrics: createMetrics('cs'), tracer: tracerFor('cs'), logger: createLogger('cs.handler', { level: config.LOG_LEVEL }),
  record: recordScan, recordFailure: recordScanFailure,
});

/** Lambda entry point: S3 ObjectCreated on the uploads bucket. */
export const handler = async (event: S3Event, context?: LambdaContext): Promise<Omit<ScanSummary, 'outcomes'>> => {
  const { outcomes: _outcomes, ...summary } = await scan(event, context);
  return summary;
};
