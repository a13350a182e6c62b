import { Tracer } from '@aws-lambda-powertools/tracer';

export { Tracer };

const tracers = new Map<string, Tracer>();

/**
 * The X-Ray tracer of a service (Powertools Tracer), one per process. It traces only inside Lambda
 * with active tracing; elsewhere every call is a no-op, so local runs need no X-Ray daemon.
 */
export function tracerFor(service: string): Tracer {
  let t = tracers.get(service);
  if (!t) tracers.set(service, (t = new Tracer({ serviceName: service })));
  return t;
}

/** Traces an AWS SDK v3 client's calls as X-Ray subsegments (returns it unchanged when tracing is off). */
export function traced<T>(client: T, service = process.env.POWERTOOLS_SERVICE_NAME || 'sfc'): T {
  return tracerFor(service).captureAWSv3Client(client);
}
