import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Logger } from '../logger/logger.js';

/** The parts of Lambda's context a handler uses (absent when invoked locally). */
export interface LambdaContext {
  functionName: string;
  awsRequestId: string;
  getRemainingTimeInMillis(): number;
  [key: string]: unknown;
}

export interface Instruments<R> {
  /** Subsegment name: `## <name>`. */
  name: string;
  metrics: Metrics;
  tracer?: Tracer;
  logger?: Logger;
  /** Turns the handler's result into metrics (counts, durations). */
  record?: (result: R, metrics: Metrics) => void;
  /** Records a failed invocation (e.g. a failure count the alarms watch). */
  recordFailure?: (error: unknown, metrics: Metrics) => void;
}

/**
 * Wraps a Lambda handler with Powertools: the Lambda context on every log line, an X-Ray subsegment
 * (cold start and service annotated, errors as metadata), a ColdStart metric, and the handler's
 * metrics flushed as EMF when it returns or throws. Results are not put in traces: they may be large.
 */
export function instrument<E, R>(
  handler: (event: E, context?: LambdaContext) => Promise<R>,
  o: Instruments<R>,
): (event: E, context?: LambdaContext) => Promise<R> {
  return async (event, context) => {
    if (context) {
      o.logger?.powertools?.addContext(context as never);
      o.metrics.captureColdStartMetric(context.functionName);
    }
    const tracer = o.tracer?.isTracingEnabled() ? o.tracer : undefined;
    const segment = tracer?.getSegment();
    const subsegment = segment?.addNewSubsegment(`## ${o.name}`);
    if (tracer && subsegment) {
      tracer.setSegment(subsegment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
    }
    try {
      const result = await handler(event, context);
      o.record?.(result, o.metrics);
      return result;
    } catch (err) {
      o.recordFailure?.(err, o.metrics);
      if (tracer && err instanceof Error) tracer.addErrorAsMetadata(err);
      throw err;
    } finally {
      subsegment?.close();
      if (tracer && segment) tracer.setSegment(segment);
      if (o.metrics.hasStoredMetrics()) o.metrics.publishStoredMetrics();
    }
  };
}
