import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FsObjectStore, s3PutEvent } from '@sfc/shared';
import { emfSum, emfValues, parseEmf } from '@sfc/shared/observability/emf.js';
import { buildCsBundle, CS_BUNDLE } from '../../../../scripts/cs-bundle.js';
import { piiPdf } from '../fixtures/documents.js';

// Docker cannot run here, so this checks what the image build relies on: the files it copies
// exist, CMD names the bundle's export, and the bundle itself handles an S3 event under Node.
const ROOT = resolve(import.meta.dirname, '../../../..');
const dockerfile = readFileSync(join(ROOT, 'docker/cs.Dockerfile'), 'utf8');
const instructions = dockerfile.split('\n').filter((l) => /^(COPY|CMD|FROM|ENV)\b/.test(l));

describe('Container image: docker/cs.Dockerfile', () => {
  it('uses the Lambda Node.js 22 base image for x86_64', () => {
    const froms = instructions.filter((l) => l.startsWith('FROM'));
    expect(froms.at(-1)).toMatch(/--platform=linux\/amd64 public\.ecr\.aws\/lambda\/nodejs:22$/);
  });

  it('copies only files that exist in the repository', () => {
    const sources = instructions.filter((l) => l.startsWith('COPY') && !l.includes('--from')).flatMap((l) => l.split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const src of sources) expect([src, existsSync(join(ROOT, src))]).toEqual([src, true]);
  });

  it('points CMD at the handler the bundle exports', () => {
    const cmd = /CMD \["([\w.]+)\.(\w+)"\]/.exec(dockerfile);
    expect(cmd?.[1]).toBe('handler');
    expect(dockerfile).toContain(`COPY --from=build /src/${CS_BUNDLE} \${LAMBDA_TASK_ROOT}/${cmd?.[1]}.mjs`);
    expect(dockerfile).toContain('NER_MODEL_DIR=/var/task/model');
  });

  it('builds a bundle that scans an S3 event under plain Node', async () => {
    // Prepare
    const bundle = await buildCsBundle(ROOT, 'services/cs/dist/test-handler.mjs');
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-bundle-'));
    await new FsObjectStore(dataDir).put('uploads', 'loans/a.pdf', await piiPdf());
    const driver = `const { handler } = await import(${JSON.stringify(bundle)}); process.stdout.write(JSON.stringify(await handler(${JSON.stringify(s3PutEvent('uploads', 'loans/a.pdf', 1))})));`;
    // Act
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', driver], {
      env: { ...process.env, DATA_DIR: dataDir, OBJECT_STORE: 'fs', LOG_LEVEL: 'error', NER_MODEL_DIR: join(ROOT, 'services/cs/model'), METRICS_FILE: join(dataDir, 'emf.jsonl') },
      encoding: 'utf8',
    });
    // Assess
    expect(JSON.parse(out)).toMatchObject({ scanned: 1, byVerdict: { pii: 1 } });
    expect(existsSync(join(dataDir, 'pii/loans/a.pdf.finding.json'))).toBe(true);
    // the bundled Powertools Metrics wrote the scan's EMF metrics
    const metrics = parseEmf(readFileSync(join(dataDir, 'emf.jsonl'), 'utf8').split('\n'));
    expect(emfSum(metrics, 'DocumentsScanned', { verdict: 'pii', service: 'cs' })).toBe(1);
    expect(emfValues(metrics, 'ScanDuration')).toHaveLength(1);
  });
});
