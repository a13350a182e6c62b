import { AdapterError } from '../errors.js';

/** Options every AWS adapter accepts for building its own client. */
export interface AwsClientOptions {
  endpoint?: string;
  region?: string;
}

export interface AwsClientConfig {
  region: string;
  endpoint?: string;
}

export const DEFAULT_REGION = 'us-east-1';

/**
 * Client configuration shared by the AWS adapters: an explicit endpoint wins, then AWS_ENDPOINT_URL
 * (an emulator such as moto, or an S3-compatible store); region falls back to AWS_REGION, then us-east-1.
 * Credentials are left to the SDK's default provider chain.
 */
export function awsClientConfig(endpoint?: string, region?: string): AwsClientConfig {
  const env = process.env;
  const chosen = endpoint ?? (env.AWS_ENDPOINT_URL || undefined);
  if (chosen !== undefined && !/^https?:\/\/[^\s/]+/.test(chosen)) {
    throw new AdapterError('awsClientConfig', `endpoint is not an http(s) URL: ${chosen}`);
  }
  const config: AwsClientConfig = { region: region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_REGION) };
  if (chosen !== undefined) config.endpoint = chosen;
  return config;
}

/** HTTP status of an SDK error, when the service answered at all. */
export function httpStatusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

const THROTTLING = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'SlowDown', 'RequestTimeout',
  'RequestTimeoutException', 'InternalError', 'InternalFailure', 'ServiceUnavailable', 'InternalServerError',
]);

const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'TimeoutError']);
// The SDK re-wraps socket errors it cannot recognise as Error ("AWS SDK error wrapper for ..."): match the text too.
const NETWORK_TEXT = /\b(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up)\b/;

/** Whether an SDK error is worth retrying: throttling, a 5xx answer, or a broken connection. */
export function isRetriableAwsError(err: unknown, depth = 0): boolean {
  const e = err as { name?: string; code?: string; message?: unknown; cause?: unknown; $retryable?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.$retryable) return true;
  if (e.name && THROTTLING.has(e.name)) return true;
  if (e.code && NETWORK.has(e.code)) return true;
  if (e.name && NETWORK.has(e.name)) return true;
  if (typeof e.message === 'string' && NETWORK_TEXT.test(e.message)) return true;
  if (e.cause && depth < 3 && isRetriableAwsError(e.cause, depth + 1)) return true;
  const status = httpStatusOf(err);
  return status !== undefined && (status >= 500 || status === 429);
}

/** Wraps an SDK failure in an AdapterError naming the adapter and operation, with `retriable` set. */
export function wrapAwsError(adapter: string, operation: string, err: unknown): AdapterError {
  const name = (err as { name?: string } | null)?.name ?? 'Error';
  const message = err instanceof Error ? err.message : String(err);
  return new AdapterError(adapter, `${operation} failed: ${name}: ${message}`, { cause: err, retriable: isRetriableAwsError(err) });
}
