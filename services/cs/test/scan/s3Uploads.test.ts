import { CreateBucketCommand, PutBucketVersioningCommand } from '@aws-sdk/client-s3';
import { s3PutEvent } from '@sfc/shared';
import { S3ObjectStore } from '@sfc/shared/adapters/S3ObjectStore.js';
import { startMoto, uniqueName, type Moto } from '../../../../shared/test/support/moto.js';
import { handleS3Event } from '../../src/scan/handleS3Event.js';
import { makeDeps } from '../fixtures/deps.js';
import * as docs from '../fixtures/documents.js';

// The scan against S3 itself (moto): versioned uploads, HEAD before download.
let moto: Moto;
let store: S3ObjectStore;
const commands: string[] = [];

beforeAll(async () => {
  moto = await startMoto();
  store = new S3ObjectStore({ endpoint: moto.endpoint });
  store.client.middlewareStack.add((next, context) => async (args) => {
    commands.push(`${String(context.commandName)} ${(args.input as { Bucket?: string }).Bucket}`);
    return next(args);
  }, { step: 'initialize', name: 'recordCommands' });
}, 60_000);
afterAll(async () => {
  store?.client.destroy();
  await moto?.stop();
});

async function buckets() {
  const names = { uploadsBucket: uniqueName('up'), piiBucket: uniqueName('pii'), cleanBucket: uniqueName('clean'), quarantineBucket: uniqueName('q'), lakeBucket: uniqueName('lake'), redactedBucket: uniqueName('red') };
  for (const b of Object.values(names)) await store.client.send(new CreateBucketCommand({ Bucket: b }));
  await store.client.send(new PutBucketVersioningCommand({ Bucket: names.uploadsBucket, VersioningConfiguration: { Status: 'Enabled' } }));
  return names;
}

const eventFor = (bucket: string, key: string, stat: { size: number; etag: string | null; versionId: string | null }) =>
  s3PutEvent(bucket, key, stat.size, { eTag: stat.etag ?? undefined, versionId: stat.versionId ?? undefined });

describe('Function: handleS3Event (S3, versioned uploads bucket)', () => {
  it('scans and deletes the version its event names; the newer upload stays and is scanned by its own event', async () => {
    // Prepare: two uploads of one key before the first event is handled
    const names = await buckets();
    const { deps } = await makeDeps(names);
    deps.store = store;
    const key = 'loans/app.pdf';
    await store.put(names.uploadsBucket, key, await docs.cleanPdf());
    const v1 = (await store.stat(names.uploadsBucket, key))!;
    await store.put(names.uploadsBucket, key, await docs.piiPdf());
    const v2 = (await store.stat(names.uploadsBucket, key))!;
    // Act
    const first = await handleS3Event(deps, eventFor(names.uploadsBucket, key, v1));
    const between = await store.stat(names.uploadsBucket, key);
    const second = await handleS3Event(deps, eventFor(names.uploadsBucket, key, v2));
    const repeat = await handleS3Event(deps, eventFor(names.uploadsBucket, key, v1));
    // Assess
    expect(first.byVerdict).toEqual({ pii: 0, clean: 1, quarantine: 0 });
    expect(between?.versionId).toBe(v2.versionId);
    expect(await store.stat(names.uploadsBucket, key, { versionId: v1.versionId })).toBeNull();
    expect(second.byVerdict).toEqual({ pii: 1, clean: 0, quarantine: 0 });
    expect(await store.stat(names.uploadsBucket, key)).toBeNull();
    expect(repeat).toMatchObject({ scanned: 0, alreadyProcessed: 1 });
    const lake = await store.list(names.lakeBucket);
    expect(lake).toHaveLength(2);
  }, 120_000);

  it('quarantines an upload over MAX_PDF_BYTES from its HEAD and copies it inside S3, never downloading it', async () => {
    const names = await buckets();
    const { deps } = await makeDeps({ ...names, maxPdfBytes: 1000 });
    deps.store = store;
    const key = 'loans/big.pdf';
    await store.put(names.uploadsBucket, key, Buffer.alloc(200_000, 0x20));
    const stat = (await store.stat(names.uploadsBucket, key))!;
    commands.length = 0;
    const summary = await handleS3Event(deps, eventFor(names.uploadsBucket, key, stat));
    expect(summary.outcomes[0]).toMatchObject({ status: 'routed', finding: { quarantine_reason: 'too_large', sha256: null } });
    expect(commands.filter((c) => c === `GetObjectCommand ${names.uploadsBucket}`)).toEqual([]);
    expect(commands).toContain(`CopyObjectCommand ${names.quarantineBucket}`);
    expect((await store.stat(names.quarantineBucket, key))?.size).toBe(200_000);
  }, 120_000);
});
