import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { MemoryEntityState } from '@sfc/shared/adapters/MemoryEntityState.js';
import { toAfdCsv } from '../src/afd/csv.js';
import { OnnxFraudScorer } from '../src/scoring/OnnxFraudScorer.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';
import type { EntityProfile } from '../src/features/profile.js';
import { REPO_ROOT } from '../../../shared/test/support/serverless.js';

const tsx = (args: string[]) => spawnSync('npx', ['tsx', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 });

describe('Training: npm run train:fraud on a CSV we did not write ourselves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'train-'));
  const file = join(dir, 'their-events.csv');

  beforeAll(() => {
    // Prepare: labelled events, then columns reordered, renamed labels and extra columns, as another team's export might be.
    const T0 = Date.parse('2026-09-01T00:00:00Z');
    const sim = new TransactionSimulator({ seed: 123, customers: 400, fraudRate: 0.04 });
    const rows = parse(toAfdCsv(sim.generate(T0, T0 + 20 * 86_400_000, 12_000)), { columns: true }) as Record<string, string>[];
    const columns = [...Object.keys(rows[0]!)].sort().reverse().concat(['store_region', 'notes']);
    writeFileSync(file, stringify(rows.map((r) => ({ ...r, EVENT_LABEL: r.EVENT_LABEL === 'fraud' ? '1' : '0', store_region: 'west', notes: 'free text, with commas' })), { header: true, columns }));
  });

  it('trains, reports and exports a model the scorer serves', async () => {
    // Act
    const run = tsx(['scripts/fraud/train.ts', '--events', file, '--out', join(dir, 'model')]);
    // Assess
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('ignoring unknown column(s): store_region, notes');
    for (const f of ['model.onnx', 'trees.json', 'features.json', 'metrics.json', 'MODEL_CARD.md']) expect(existsSync(join(dir, 'model', f))).toBe(true);
    const metrics = JSON.parse(readFileSync(join(dir, 'model', 'metrics.json'), 'utf8'));
    expect(metrics.model.auc).toBeGreaterThan(0.9);
    expect(metrics.model.auc).toBeGreaterThan(metrics.amount_only_baseline.auc);
    expect(metrics.model.thresholds.map((t: { fpr: number }) => t.fpr)).toEqual([0.005, 0.01, 0.03, 0.05]);
    const scorer = await OnnxFraudScorer.load({ modelDir: join(dir, 'model'), state: new MemoryEntityState<EntityProfile>(), explainFrom: 0 });
    expect(scorer.modelVersion).toMatch(/^lgbm-[0-9a-f]{12}$/);

    const scored = tsx(['scripts/fraud/score.ts', '--events', file, '--model', join(dir, 'model'), '--out', join(dir, 'scores.csv')]);
    expect(scored.status).toBe(0);
    const lines = readFileSync(join(dir, 'scores.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('EVENT_ID,score,outcome');
    expect(lines).toHaveLength(12_001);
    expect(lines[1]).toMatch(/^[0-9a-f-]{36},\d{1,4},(approve|review|block)$/);
  }, 300_000);

  it('fails with a clear message when a required column is missing', () => {
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, stringify(rows.slice(0, 50).map(({ customer_email: _drop, ...r }) => r), { header: true }));
    const run = tsx(['scripts/fraud/train.ts', '--events', broken, '--out', join(dir, 'nope')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('missing required column(s) customer_email');
  });
});
