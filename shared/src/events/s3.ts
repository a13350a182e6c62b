/** The parts of an S3 ObjectCreated notification that handlers read. */
export interface S3EventRecord {
  eventSource: 'aws:s3';
  eventName: string;
  eventTime: string;
  awsRegion?: string;
  s3: {
    bucket: { name: string; arn?: string };
    /** `versionId` is present when the bucket is versioned; `eTag` is the object's ETag without quotes. */
    object: { key: string; size?: number; eTag?: string; versionId?: string; sequencer?: string };
  };
}

export interface S3Event {
  Records: S3EventRecord[];
}

/** S3 URL-encodes keys in notifications (spaces as `+`); this returns the real key. */
export const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

/** Optional object identity an S3 notification carries. */
export interface S3PutEventOptions {
  time?: Date;
  eTag?: string;
  versionId?: string;
}

/** Builds an ObjectCreated:Put event for one object, as S3 would send it. */
export function s3PutEvent(bucket: string, key: string, size: number, options: Date | S3PutEventOptions = {}): S3Event {
  const o: S3PutEventOptions = options instanceof Date ? { time: options } : options;
  const time = o.time ?? new Date();
  return {
    Records: [{
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime: time.toISOString(),
      awsRegion: 'us-east-1',
      s3: {
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/'), size,
          ...(o.eTag ? { eTag: o.eTag } : {}), ...(o.versionId ? { versionId: o.versionId } : {}),
          sequencer: time.getTime().toString(16).toUpperCase().padStart(16, '0'),
        },
      },
    }],
  };
}
