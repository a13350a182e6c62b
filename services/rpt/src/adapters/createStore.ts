import { S3Client } from '@aws-sdk/client-s3';
import { FsObjectStore, type ObjectStore } from '@sfc/shared';
import { S3ObjectStore } from './S3ObjectStore.js';

/** The object store OBJECT_STORE names. */
export function createStore(config: { OBJECT_STORE: 'fs' | 's3'; DATA_DIR: string; S3_ENDPOINT: string }): ObjectStore {
  if (config.OBJECT_STORE === 'fs') return new FsObjectStore(config.DATA_DIR);
  return new S3ObjectStore(new S3Client(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}));
}
