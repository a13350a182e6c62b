import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { AdapterError, sha256Hex, type ObjectInfo, type ObjectStore, type PutOptions } from '@sfc/shared';

const notFound = (err: unknown) => ['NoSuchKey', 'NotFound'].includes((err as { name?: string }).name ?? '');

/**
 * S3 behind the ObjectStore port. The report only needs put; the rest keeps the port whole.
 * (Kept in rpt until shared/ has an S3 adapter; swap the import then.)
 */
export class S3ObjectStore implements ObjectStore {
  constructor(private readonly client: Pick<S3Client, 'send'>) {}

  async put(bucket: string, key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<ObjectInfo> {
    await this.call('put', bucket, key, this.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: options.contentType })));
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    return { bucket, key, size, sha256: sha256Hex(body) };
  }

  async get(bucket: string, key: string): Promise<Uint8Array | null> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (err) {
      if (notFound(err)) return null;
      throw new AdapterError('S3ObjectStore', `get ${bucket}/${key} failed`, { cause: err, retriable: true });
    }
  }

  async head(bucket: string, key: string): Promise<ObjectInfo | null> {
    const body = await this.get(bucket, key);
    return body === null ? null : { bucket, key, size: body.byteLength, sha256: sha256Hex(body) };
  }

  async delete(bucket: string, key: string): Promise<void> {
    await this.call('delete', bucket, key, this.client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
  }

  async list(bucket: string, prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.call('list', bucket, prefix, this.client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })));
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.NextContinuationToken;
    } while (token);
    return keys.sort();
  }

  private async call<T>(op: string, bucket: string, key: string, p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (err) {
      throw new AdapterError('S3ObjectStore', `${op} ${bucket}/${key} failed`, { cause: err, retriable: true });
    }
  }
}
