/** Metadata of a stored object; `sha256` is hex of the content. */
export interface ObjectInfo {
  bucket: string;
  key: string;
  size: number;
  sha256: string;
}

/** What a store knows about an object without reading its content. */
export interface ObjectStat {
  bucket: string;
  key: string;
  size: number;
  /** S3's ETag without quotes (the MD5 of the content for single-part uploads); null when unknown. */
  etag: string | null;
  /** The version, in a versioned S3 bucket; null otherwise (and for the local store). */
  versionId: string | null;
}

export interface PutOptions {
  contentType?: string;
}

/** Selects one version of an object in a versioned bucket; absent = the current version. */
export interface VersionOptions {
  versionId?: string | null;
}

/** Buckets of objects addressed by key: S3 in AWS, a directory tree locally. */
export interface ObjectStore {
  put(bucket: string, key: string, body: Uint8Array | string, options?: PutOptions): Promise<ObjectInfo>;
  /** Returns null when the object (or the version asked for) does not exist. */
  get(bucket: string, key: string, options?: VersionOptions): Promise<Uint8Array | null>;
  head(bucket: string, key: string): Promise<ObjectInfo | null>;
  /** Size, ETag and version from the object's metadata alone: never reads the content (HEAD). */
  stat(bucket: string, key: string, options?: VersionOptions): Promise<ObjectStat | null>;
  /** Copies an object (or one version of it) inside the store without passing its bytes through this process. */
  copy(from: { bucket: string; key: string; versionId?: string | null }, to: { bucket: string; key: string }): Promise<ObjectStat>;
  /** Deletes the object; with a versionId, that version for good (no delete marker). */
  delete(bucket: string, key: string, options?: VersionOptions): Promise<void>;
  /** Keys under `prefix`, sorted. */
  list(bucket: string, prefix?: string): Promise<string[]>;
}
