import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

// The README's deploy steps against an emulated AWS account, end to end (scripts/deploy/emulated.ts:
// `npm run deploy:emulated`): deploy, check, smoke, remove, redeploy, purge. About 7 minutes here.
describe('Deploy to an emulated AWS account: npm run deploy:emulated', () => {
  it('deploys, works, removes keeping the data, redeploys the same stage, and purges', () => {
    // Prepare
    const summaryFile = join(mkdtempSync(join(tmpdir(), 'sfc-emulated-')), 'summary.json');
    // Act
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/deploy/emulated.ts', '--stage', 'ci', '--json', summaryFile], { cwd: ROOT, encoding: 'utf8', timeout: 1_500_000 });
    // Assess
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { ok: boolean; steps: { step: string; ok: boolean; error?: string; detail?: any }[] };
    const failed = summary.steps.filter((s) => !s.ok).map((s) => `${s.step}: ${s.error}`);
    expect([failed, run.status]).toEqual([[], 0]);
    const names = summary.steps.map((s) => s.step);
    for (const step of ['deploy: npx serverless deploy --stage ci', 'smoke: produce -> score -> act on the deployed functions', 'smoke: scan an uploaded loan application (image function)',
      'smoke: an AFD detector version imported and activated, a deny-list entry added and removed, a DRAFT shadowed then activated (npm run detectors, npm run lists)',
      'remove: stacks gone, every bucket and its data kept', 'redeploy the same stage: stacks, wiring, topics, permissions, buckets, review page and sign-in', 'purge: the removed deployment\'s buckets deleted, the live ones kept']) {
      expect(names).toContain(step);
    }
    const pipeline = summary.steps.find((s) => s.step.startsWith('smoke: produce'))!.detail;
    expect(pipeline).toMatchObject({ produced: 300, scored: 300, lakeRows: 300 });
    expect(pipeline.alerts).toBe(pipeline.blocks);
  }, 1_600_000);
});
