import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ObjectStore } from '../../src/adapters/S3ObjectStore.js';
import { AdapterError } from '../../src/errors.js';
import { sha256Hex } from '../../src/util/hash.js';
import { objectStoreContract } from '../contracts/objectStore.contract.js';
import { startMoto, uniqueName, type Moto } from '../support/moto.js';

let moto: Moto;
let store: S3ObjectStore;

beforeAll(async () => {
  moto = await startMoto();
  store = new S3ObjectStore({ endpoint: moto.endpoint });
});
afterAll(async () => {
  store?.client.destroy();
  await moto?.stop();
});

async function freshBucket(): Promise<string> {
  const bucket = uniqueName('sfc-test');
  await store.client.send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

objectStoreContract('S3ObjectStore (moto)', async () => ({ store, bucket: await freshBucket() }));

describe('Class: S3ObjectStore', () => {
  it('follows continuation tokens past one page, with S3 and small page sizes', async () => {
    // Prepare: 1,005 keys, more than S3's 1,000-key page
    const bucket = await freshBucket();
    const keys = Array.from({ length: 1005 }, (_, i) => `lake/part-${String(i).padStart(4, '0')}.jsonl`);
    for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((k) => store.put(bucket, k, k)));
    const smallPages = new S3ObjectStore({ client: store.client, pageSize: 7 });
    // Act
    const all = await store.list(bucket, 'lake/');
    const paged = await smallPages.list(bucket, 'lake/part-00');
    // Assess
    expect(all).toEqual(keys);
    expect(paged).toEqual(keys.slice(0, 100));
  });

  it('stores the sha256 as object metadata so head does not download', async () => {
    const bucket = await freshBucket();
    await store.put(bucket, 'doc.pdf', 'pdf bytes');
    const downloads: string[] = [];
    store.client.middlewareStack.add((next, context) => async (args) => {
      downloads.push(String(context.commandName));
      return next(args);
    }, { step: 'initialize', name: 'recordCommands' });

    try {
      const head = await store.head(bucket, 'doc.pdf');
      expect(head).toEqual({ bucket, key: 'doc.pdf', size: 9, sha256: sha256Hex('pdf bytes') });
      expect(downloads).toEqual(['HeadObjectCommand']);
    } finally {
      store.client.middlewareStack.remove('recordCommands');
    }
  });

  it('hashes the content when an object was written without sha256 metadata', async () => {
    const bucket = await freshBucket();
    await store.client.send(new PutObjectCommand({ Bucket: bucket, Key: 'foreign.txt', Body: 'written by another tool' }));

    const head = await store.head(bucket, 'foreign.txt');

    expect(head).toEqual({ bucket, key: 'foreign.txt', size: 23, sha256: sha256Hex('written by another tool') });
  });

  it('reads, stats, copies and deletes one version of an object in a versioned bucket', async () => {
    // Prepare: two uploads of the same key
    const bucket = await freshBucket();
    await store.client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    await store.put(bucket, 'loans/a.pdf', 'first upload');
    const v1 = (await store.stat(bucket, 'loans/a.pdf'))!.versionId!;
    await store.put(bucket, 'loans/a.pdf', 'second upload, longer');
    const v2 = (await store.stat(bucket, 'loans/a.pdf'))!.versionId!;
    // Act
    const old = await store.get(bucket, 'loans/a.pdf', { versionId: v1 });
    const oldStat = await store.stat(bucket, 'loans/a.pdf', { versionId: v1 });
    await store.copy({ bucket, key: 'loans/a.pdf', versionId: v1 }, { bucket, key: 'kept/a.pdf' });
    await store.delete(bucket, 'loans/a.pdf', { versionId: v1 });
    // Assess: the first version is gone for good, the second is untouched
    expect(v1).not.toBe(v2);
    expect(Buffer.from(old!).toString()).toBe('first upload');
    expect(oldStat).toMatchObject({ size: 12, versionId: v1 });
    expect(Buffer.from((await store.get(bucket, 'kept/a.pdf'))!).toString()).toBe('first upload');
    expect(await store.get(bucket, 'loans/a.pdf', { versionId: v1 })).toBeNull();
    expect(await store.stat(bucket, 'loans/a.pdf', { versionId: v1 })).toBeNull();
    expect(Buffer.from((await store.get(bucket, 'loans/a.pdf'))!).toString()).toBe('second upload, longer');
  });

  it('wraps a missing bucket in a non-retriable AdapterError', async () => {
    const failure = store.put('no-such-bucket-here', 'k', 'x');

    await expect(failure).rejects.toBeInstanceOf(AdapterError);
    await expect(failure).rejects.toMatchObject({ retriable: false, message: expect.stringContaining('NoSuchBucket') });
  });

  it('marks a refused connection as retriable', async () => {
    const client = new S3Client({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', forcePathStyle: true, maxAttempts: 1 });
    const unreachable = new S3ObjectStore({ client });

    await expect(unreachable.get('b', 'k')).rejects.toMatchObject({ name: 'AdapterError', retriable: true });
    client.destroy();
  });
});
