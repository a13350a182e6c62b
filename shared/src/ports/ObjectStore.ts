/** Metadata of a stored object; `sha256` is hex of the content. */
export interface ObjectInfo {
  bucket: string;
  key: string;
  size: number;
  sha256: string;
}

export interface PutOptions {
  contentType?: string;
}

/** Buckets of objects addressed by key: S3 in AWS, a directory tree locally. */
export interface ObjectStore {
  put(bucket: string, key: string, body: Uint8Array | string, options?: PutOptions): Promise<ObjectInfo>;
  /** Returns null when the object does not exist. */
  get(bucket: string, key: string): Promise<Uint8Array | null>;
  head(bucket: string, key: string): Promise<ObjectInfo | null>;
  delete(bucket: string, key: string): Promise<void>;
  /** Keys under `prefix`, sorted. */
  list(bucket: string, prefix?: string): Promise<string[]>;
}
