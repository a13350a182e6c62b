import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { s3PutEvent } from '@sfc/shared';
import { emfSum, emfValues, parseEmf } from '@sfc/shared/observability/emf.js';
import { assembleCsImage, dockerStages, type AssembledImage } from '../../../../scripts/cs-image/assemble.js';
import { csRuntimeExternals } from '../../../../scripts/cs-bundle.js';
import { invokeOnNode22 } from '../../../../scripts/lambda/invoke.js';
import { startMoto, uniqueName, type Moto } from '../../../../shared/test/support/moto.js';
import { cleanPdf, piiPdf } from '../fixtures/documents.js';
import { scan } from '../fixtures/richDocuments.js';

// Docker cannot run here: the image's /var/task is assembled from docker/cs.Dockerfile's own steps
// (scripts/cs-image/assemble.ts), outside the repository and its node_modules, and the handler runs
// on a real Node.js 22 binary (Lambda's nodejs:22 base image) against S3 on moto, as in AWS.
const ROOT = resolve(import.meta.dirname, '../../../..');

describe('Container image: docker/cs.Dockerfile, assembled and run on Node.js 22', () => {
  let work: string;
  let image: AssembledImage;
  let moto: Moto;
  let s3: S3Client;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cs-image-'));
    [image, moto] = await Promise.all([assembleCsImage(work), startMoto()]);
    s3 = new S3Client({ endpoint: moto.endpoint, forcePathStyle: true, region: 'us-east-1' });
  }, 300_000);

  afterAll(async () => {
    await moto?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('builds on the Lambda Node.js 22 base image for x86_64 and runs the bundle\'s handler', () => {
    const stages = dockerStages(readFileSync(join(ROOT, 'docker/cs.Dockerfile'), 'utf8'));
    expect(stages.map((s) => s[0]?.args)).toEqual([
      '--platform=linux/amd64 public.ecr.aws/lambda/nodejs:22 AS build',
      '--platform=linux/amd64 public.ecr.aws/lambda/nodejs:22',
    ]);
    expect(image.handler).toBe('handler.handler');
    expect(image.env.NER_MODEL_DIR).toBe(join(image.taskRoot, 'model'));
  });

  it('installs every package the bundle leaves external, at the versions the repository tests', () => {
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    const runtime = JSON.parse(readFileSync(join(ROOT, 'docker/cs-runtime/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of csRuntimeExternals(ROOT)) {
      expect([name, runtime.dependencies[name]]).toEqual([name, lock.packages[`node_modules/${name}`]?.version]);
      const installed = JSON.parse(readFileSync(join(image.taskRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect([name, installed.version]).toEqual([name, runtime.dependencies[name]]);
    }
    // and their own dependencies at the versions the repository resolves too, where both have them
    const runtimeLock = JSON.parse(readFileSync(join(ROOT, 'docker/cs-runtime/package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    const differ = Object.entries(runtimeLock.packages)
      .filter(([path, p]) => path && p.version && lock.packages[path] && lock.packages[path]!.version !== p.version)
      .map(([path, p]) => `${path}: image ${p.version}, repository ${lock.packages[path]!.version}`);
    expect(differ).toEqual([]);
  });

  it('carries native code for linux/x64 only, and stays small', () => {
    const natives = execFileSync('find', [image.taskRoot, '-name', '*.node'], { encoding: 'utf8' }).trim().split('\n');
    expect(natives.length).toBeGreaterThanOrEqual(2); // onnxruntime and canvas
    for (const file of natives) expect([file, /linux[/-]x64/.test(file.slice(image.taskRoot.length))]).toEqual([file, true]);
    // What the image adds to the base image (README): bundle, model, runtime packages.
    expect(image.bytes).toBeLessThan(150 * 1024 * 1024);
  });

  it('scans uploads end to end: PII, clean and scanned documents routed (OCR in the image), findings in the lake', async () => {
    // Prepare
    const b = { uploads: uniqueName('uploads'), pii: uniqueName('pii'), clean: uniqueName('clean'), quarantine: uniqueName('quarantine'), lake: uniqueName('lake'), redacted: uniqueName('redacted') };
    for (const bucket of Object.values(b)) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: b.uploads, Key: 'loans/applicant.pdf', Body: await piiPdf() }));
    await s3.send(new PutObjectCommand({ Bucket: b.uploads, Key: 'loans/rates.pdf', Body: await cleanPdf() }));
    await s3.send(new PutObjectCommand({ Bucket: b.uploads, Key: 'loans/scanned.pdf', Body: await scan(200) }));
    const event = { Records: ['applicant', 'rates', 'scanned'].flatMap((k) => s3PutEvent(b.uploads, `loans/${k}.pdf`, 1).Records) };
    // Act: the image's environment, the function's settings (serverless.yml), credentials for moto
    const run = await invokeOnNode22({
      taskRoot: image.taskRoot, handler: image.handler, event, timeoutSeconds: 120,
      env: {
        ...image.env, AWS_ENDPOINT_URL: moto.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing',
        UPLOADS_BUCKET: b.uploads, PII_BUCKET: b.pii, CLEAN_BUCKET: b.clean, QUARANTINE_BUCKET: b.quarantine, LAKE_BUCKET: b.lake, REDACTED_BUCKET: b.redacted, LOG_LEVEL: 'warn',
      },
    });
    // Assess
    expect(run.error).toBeUndefined();
    expect(run.result).toMatchObject({ scanned: 3, byVerdict: { pii: 2, clean: 1, quarantine: 0 } });
    const keys = async (bucket: string) => ((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort();
    expect(await keys(b.pii)).toEqual(['loans/applicant.pdf', 'loans/applicant.pdf.finding.json', 'loans/scanned.pdf', 'loans/scanned.pdf.finding.json']);
    expect(await keys(b.clean)).toEqual(['loans/rates.pdf', 'loans/rates.pdf.finding.json']);
    expect(await keys(b.uploads)).toEqual([]);
    expect(await keys(b.lake)).toHaveLength(3);
    const finding = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: b.pii, Key: 'loans/applicant.pdf.finding.json' }))).Body!.transformToString());
    expect(finding.verdict).toBe('pii');
    // The redacted copies, made and verified in the image (pdf-lib, the reader, OCR for the scan).
    expect(finding.redaction).toMatchObject({ status: 'published', reason: null });
    expect(await keys(b.redacted)).toContain('loans/applicant.pdf');
    // Powertools Metrics in the image: EMF on stdout, as CloudWatch Logs reads it in Lambda
    const metrics = parseEmf(run.logs.split('\n'));
    expect(emfSum(metrics, 'DocumentsScanned', { verdict: 'pii', service: 'cs' })).toBe(2);
    expect(emfSum(metrics, 'DocumentsScanned', { verdict: 'clean' })).toBe(1);
    expect(emfValues(metrics, 'ScanDuration')).toHaveLength(3);
    const scanned = JSON.parse(await (await s3.send(new GetObjectCommand({ Bucket: b.pii, Key: 'loans/scanned.pdf.finding.json' }))).Body!.transformToString());
    expect(JSON.stringify(scanned)).toMatch(/ocr/i);
  }, 300_000);
});
