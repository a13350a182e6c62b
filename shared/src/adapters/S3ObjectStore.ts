import {
  CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectInfo, ObjectStat, ObjectStore, PutOptions, VersionOptions } from '../ports/ObjectStore.js';
import { sha256Hex } from '../util/hash.js';
import { awsClientConfig, httpStatusOf, wrapAwsError } from './awsClientConfig.js';

export interface S3ObjectStoreOptions {
  client?: S3Client;
  endpoint?: string;
  region?: string;
  /** Path-style addressing (`host/bucket/key`); defaults to true when an endpoint is configured (emulators, MinIO). */
  forcePathStyle?: boolean;
  /** Keys per ListObjectsV2 page (S3's maximum and default is 1000). */
  pageSize?: number;
}

const ADAPTER = 'S3ObjectStore';
/** User metadata key holding the hex sha256 of the content, so head() need not download the object. */
export const SHA256_METADATA = 'sha256';

const isMissing = (err: unknown): boolean => {
  const name = (err as { name?: string } | null)?.name;
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'NoSuchVersion' || (name !== 'NoSuchBucket' && httpStatusOf(err) === 404);
};

const unquote = (etag: string | undefined): string | null => (etag ? etag.replace(/^"|"$/g, '') : null);

/** ObjectStore over S3 (or any S3-compatible endpoint). */
export class S3ObjectStore implements ObjectStore {
  readonly client: S3Client;
  private readonly pageSize: number;

  constructor(options: S3ObjectStoreOptions = {}) {
    const config = awsClientConfig(options.endpoint, options.region);
    this.client = options.client
      ?? new S3Client({ ...config, forcePathStyle: options.forcePathStyle ?? config.endpoint !== undefined });
    this.pageSize = options.pageSize ?? 1000;
  }

  async put(bucket: string, key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const sha256 = sha256Hex(bytes);
    try {
      await this.client.send(new PutObjectCommand({
        Bucket: bucket, Key: key, Body: bytes, ContentType: options.contentType, Metadata: { [SHA256_METADATA]: sha256 },
      }));
    } catch (err) {
      throw wrapAwsError(ADAPTER, `put ${bucket}/${key}`, err);
    }
    return { bucket, key, size: bytes.byteLength, sha256 };
  }

  async get(bucket: string, key: string, options: VersionOptions = {}): Promise<Uint8Array | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: options.versionId ?? undefined }));
      if (!out.Body) return new Uint8Array();
      return await out.Body.transformToByteArray();
    } catch (err) {
      if (isMissing(err)) return null;
      throw wrapAwsError(ADAPTER, `get ${bucket}/${key}`, err);
    }
  }

  async head(bucket: string, key: string): Promise<ObjectInfo | null> {
    let size: number;
    let sha256: string | undefined;
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      size = out.ContentLength ?? 0;
      sha256 = out.Metadata?.[SHA256_METADATA];
    } catch (err) {
      if (isMissing(err)) return null;
      throw wrapAwsError(ADAPTER, `head ${bucket}/${key}`, err);
    }
    if (sha256 && /^[0-9a-f]{64}$/.test(sha256)) return { bucket, key, size, sha256 };
    // Written by another tool without our metadata: hash the content instead of trusting nothing.
    const body = await this.get(bucket, key);
    return body === null ? null : { bucket, key, size: body.byteLength, sha256: sha256Hex(body) };
  }

  async stat(bucket: string, key: string, options: VersionOptions = {}): Promise<ObjectStat | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: options.versionId ?? undefined }));
      return { bucket, key, size: out.ContentLength ?? 0, etag: unquote(out.ETag), versionId: out.VersionId ?? null };
    } catch (err) {
      if (isMissing(err)) return null;
      throw wrapAwsError(ADAPTER, `head ${bucket}/${key}`, err);
    }
  }

  async copy(from: { bucket: string; key: string; versionId?: string | null }, to: { bucket: string; key: string }): Promise<ObjectStat> {
    // CopySource is "bucket/key" URL-encoded, with the version as a query parameter
    const source = `${encodeURIComponent(from.bucket)}/${from.key.split('/').map(encodeURIComponent).join('/')}${from.versionId ? `?versionId=${encodeURIComponent(from.versionId)}` : ''}`;
    try {
      const out = await this.client.send(new CopyObjectCommand({ Bucket: to.bucket, Key: to.key, CopySource: source, MetadataDirective: 'COPY' }));
      const stat = await this.stat(to.bucket, to.key, { versionId: out.VersionId ?? null });
      if (!stat) throw new Error('copy not found after CopyObject');
      return stat;
    } catch (err) {
      throw wrapAwsError(ADAPTER, `copy ${from.bucket}/${from.key} to ${to.bucket}/${to.key}`, err);
    }
  }

  async delete(bucket: string, key: string, options: VersionOptions = {}): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: options.versionId ?? undefined }));
    } catch (err) {
      throw wrapAwsError(ADAPTER, `delete ${bucket}/${key}`, err);
    }
  }

  async list(bucket: string, prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(new ListObjectsV2Command({
          Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token, MaxKeys: this.pageSize,
        }));
        for (const object of page.Contents ?? []) if (object.Key !== undefined) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (err) {
      throw wrapAwsError(ADAPTER, `list ${bucket}/${prefix}`, err);
    }
    // S3 orders by UTF-8 bytes; sort() gives the same order as FsObjectStore (UTF-16 code units).
    return keys.sort();
  }
}
