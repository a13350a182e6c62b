/** The parts of an S3 ObjectCreated notification that handlers read. */
export interface S3EventRecord {
  eventSource: 'aws:s3';
  eventName: string;
  eventTime: string;
  awsRegion?: string;
  s3: { bucket: { name: string; arn?: string }; object: { key: string; size?: number; eTag?: string } };
}

export interface S3Event {
  Records: S3EventRecord[];
}

/** S3 URL-encodes keys in notifications (spaces as `+`); this returns the real key. */
export const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

/** Builds an ObjectCreated:Put event for one object, as S3 would send it. */
export function s3PutEvent(bucket: string, key: string, size: number, time = new Date()): S3Event {
  return {
    Records: [{
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      eventTime: time.toISOString(),
      awsRegion: 'us-east-1',
      s3: { bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` }, object: { key: encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/'), size } },
    }],
  };
}
