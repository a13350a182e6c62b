import type { ObjectStore } from '@sfc/shared';
import { FAILURES_PREFIX, type KafkaFailureRecord } from '@sfc/shared/runtime/failureRecord.js';

/** One failed invocation found in an on-failure destination, with what is needed to replay it. */
export interface Failure {
  /** Where it was found (object key, SQS message id), for the report. */
  id: string;
  /** The function that failed, by name (the last part of `functionArn`). */
  functionName: string;
  functionArn: string;
  /** The event to invoke the function with again. */
  payload: unknown;
  reason: string;
  /** Removes it from the destination once the replay succeeded. */
  done(): Promise<void>;
}

export interface FailureSource {
  describe: string;
  list(): AsyncIterable<Failure>;
}

export const functionNameOf = (arn: string): string => arn.replace(/:\$LATEST$|:\d+$/, '').split(':function:').pop() ?? arn;

/**
 * MSK (Kafka) event source mapping failures in an S3 on-failure destination (or its local folder):
 * each object holds the whole event as `payload`. A replayed object moves under `redriven/`.
 */
export function bucketFailures(store: ObjectStore, bucket: string, only?: string): FailureSource {
  return {
    describe: `bucket ${bucket} (${FAILURES_PREFIX}*)`,
    async *list() {
      for (const key of await store.list(bucket, FAILURES_PREFIX)) {
        const bytes = await store.get(bucket, key);
        if (!bytes) continue;
        const record = JSON.parse(Buffer.from(bytes).toString('utf8')) as KafkaFailureRecord;
        const functionName = functionNameOf(record.requestContext.functionArn);
        if (only && !functionName.endsWith(only)) continue;
        if (record.payload === undefined) throw new Error(`${bucket}/${key}: no payload (only S3 destinations keep the event; re-read offsets ${JSON.stringify(record.KafkaBatchInfo.recordsInfo)} from Kafka)`);
        yield {
          id: key, functionName, functionArn: record.requestContext.functionArn, payload: JSON.parse(record.payload),
          reason: `${record.requestContext.condition} after ${record.requestContext.approximateInvokeCount} attempts${record.errorMessage ? `: ${record.errorMessage}` : ''}`,
          done: async () => {
            await store.put(bucket, `redriven/${key}`, Buffer.from(bytes), { contentType: 'application/json' });
            await store.delete(bucket, key);
          },
        };
      }
    },
  };
}
