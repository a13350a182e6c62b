import { randomUUID } from 'node:crypto';
import type { MskEvent } from '../events/msk.js';
import type { ObjectStore } from '../ports/ObjectStore.js';

/**
 * What Lambda writes to an MSK event source mapping's S3 on-failure destination once a batch has
 * used up its retries: failure metadata and, as an escaped JSON string, the whole event (`payload`).
 * The local runners write the same document, so one re-drive command reads both.
 */
export interface KafkaFailureRecord {
  requestContext: { requestId: string; functionArn: string; condition: string; approximateInvokeCount: number };
  responseContext: { statusCode: number; executedVersion: string; functionError: string } | null;
  version: '1.0';
  timestamp: string;
  KafkaBatchInfo: {
    batchSize: number;
    eventSourceArn?: string;
    bootstrapServers?: string;
    payloadSize: number;
    recordsInfo: Record<string, { firstRecordOffset: string; lastRecordOffset: string; firstRecordTimestamp: string; lastRecordTimestamp: string }>;
  };
  payload?: string;
  /** Local runners only: why the last attempt failed (Lambda keeps that in the function's logs). */
  errorMessage?: string;
}

/** A record's timestamp as ISO text; a malformed one as it came, so building the failure record never throws. */
const isoOrRaw = (t: unknown): string => (typeof t === 'number' && Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? new Date(t).toISOString() : String(t));

/** The failure record of an MSK event that failed `attempts` times with `error`. */
export function kafkaFailureRecord(event: MskEvent, functionArn: string, attempts: number, error: unknown, now = new Date()): KafkaFailureRecord {
  const payload = JSON.stringify(event);
  const recordsInfo: KafkaFailureRecord['KafkaBatchInfo']['recordsInfo'] = {};
  let batchSize = 0;
  for (const [key, records] of Object.entries(event.records)) {
    const first = records[0];
    const last = records.at(-1);
    if (!first || !last) continue;
    batchSize += records.length;
    recordsInfo[key] = {
      firstRecordOffset: String(first.offset), lastRecordOffset: String(last.offset),
      firstRecordTimestamp: isoOrRaw(first.timestamp), lastRecordTimestamp: isoOrRaw(last.timestamp),
    };
  }
  return {
    requestContext: { requestId: randomUUID(), functionArn, condition: 'RetryAttemptsExhausted', approximateInvokeCount: attempts },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: now.toISOString(),
    KafkaBatchInfo: { batchSize, eventSourceArn: event.eventSourceArn, bootstrapServers: event.bootstrapServers, payloadSize: Buffer.byteLength(payload), recordsInfo },
    payload,
    errorMessage: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

/** Prefix Lambda writes S3 on-failure records under (`aws/lambda/<mapping id>/...`); the local runners use the function name. */
export const FAILURES_PREFIX = 'aws/lambda/';

/** Writes failure records to a bucket, as an S3 on-failure destination (S3 in AWS, a folder locally). */
export class ObjectStoreFailureDestination {
  constructor(private readonly store: ObjectStore, private readonly bucket: string, private readonly functionName: string) {}

  async send(record: KafkaFailureRecord): Promise<string> {
    const [first] = Object.keys(record.KafkaBatchInfo.recordsInfo);
    const key = `${FAILURES_PREFIX}${this.functionName}/${record.timestamp.slice(0, 10).replaceAll('-', '/')}/${record.timestamp.replaceAll(':', '.')}-${first ?? 'empty'}-${record.requestContext.requestId}`;
    await this.store.put(this.bucket, key, JSON.stringify(record), { contentType: 'application/json' });
    return key;
  }
}
