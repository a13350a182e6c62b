import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { OnnxFraudScorer } from '../src/scoring/OnnxFraudScorer.js';
import { REPO_ROOT } from '../../../shared/test/support/serverless.js';
import { writeAfdSample } from './support/afdSample.js';

const dir = mkdtempSync(join(tmpdir(), 'train-'));
// An empty DATA_DIR: training merges the local lake's labels by default, and the repository's .data
// (an npm start, decisions made) must not change what these runs see.
const tsx = (args: string[]) => spawnSync('npx', ['tsx', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 600_000, env: { ...process.env, DATA_DIR: join(dir, 'no-data') } });
const file = join(dir, 'their-events.csv');
const smaller = join(dir, 'fewer-events.csv');
const idsOf = (csv: string, column: number) => readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[column]!);

beforeAll(() => {
  // A foreign AFD export: billing_phone, billing_postal, a merchant, US timestamps, ISO currencies, extra columns.
  writeAfdSample(file, { seed: 123, customers: 400, days: 24, events: 12_000 });
  writeAfdSample(smaller, { seed: 321, customers: 200, days: 20, events: 5_000, fraudRate: 0.05 });
});

describe('Training: npm run train:fraud on an AFD export we did not write ourselves', () => {
  it('infers the event type, trains, reports on a later window after a label-delay gap, and scores every row', async () => {
    // Act
    const run = tsx(['scripts/fraud/train.ts', '--events', file, '--out', join(dir, 'model')]);
    // Assess
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/billing_phone\s+BILLING_PHONE/);
    expect(run.stdout).toMatch(/merchant \(with label feedback\)/);
    for (const f of ['model.onnx', 'trees.json', 'features.json', 'event_type.json', 'metrics.json', 'MODEL_CARD.md']) expect(existsSync(join(dir, 'model', f))).toBe(true);
    const metrics = JSON.parse(readFileSync(join(dir, 'model', 'metrics.json'), 'utf8'));
    expect(metrics.model.auc).toBeGreaterThan(0.85);
    expect(metrics.model.auc).toBeGreaterThan(metrics.amount_only_baseline.auc);
    expect(metrics.model.thresholds.map((t: { fpr: number }) => t.fpr)).toEqual([0.005, 0.01, 0.03, 0.05]);
    expect(metrics.data).toMatchObject({ source: 'their-events.csv', rows: 12_000, events: 12_000, label_delay_days: 7, label_timestamps: true });
    expect(Date.parse(metrics.data.split.test_from) - Date.parse(metrics.data.split.train_end)).toBe(7 * 86_400_000);
    const card = readFileSync(join(dir, 'model', 'MODEL_CARD.md'), 'utf8');
    expect(card).toContain('`their-events.csv`: 12,000 events from 2026-03-01');
    expect(card).not.toContain('simulator');
    const scorer = await OnnxFraudScorer.load({ modelDir: join(dir, 'model'), state: new PackedEntityState({ maxEntities: 1e5, ttlSeconds: 1e9 }), explainFrom: 0, replayTtlSeconds: 0 });
    expect(scorer.features.eventType.variables.find((v) => v.name === 'billing_phone')?.variableType).toBe('BILLING_PHONE');
    expect(scorer.features.fields[scorer.features.eventType.variables.findIndex((v) => v.name === 'billing_phone')]).toBe('phone');

    const scored = tsx(['scripts/fraud/score.ts', '--events', file, '--model', join(dir, 'model'), '--out', join(dir, 'scores.csv')]);
    expect(scored.status).toBe(0);
    const lines = readFileSync(join(dir, 'scores.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('EVENT_ID,score,outcome');
    expect(lines[1]).toMatch(/^[0-9a-f-]{36},\d{1,4},(approve|review|block)$/);
    expect(idsOf(join(dir, 'scores.csv'), 0).sort()).toEqual(idsOf(file, 0).sort());
    expect(scored.stderr).toMatch(/scored 12,000 of 12,000 rows \(0 skipped\)/);
    expect(scored.stderr).toMatch(/AUC 0\.9/);
  }, 600_000);

  it('trains with a declared event type: renamed columns, missing optional variables, chosen keys', () => {
    // Prepare
    const eventType = join(dir, 'event_type.json');
    writeFileSync(eventType, JSON.stringify({
      name: 'card_payment', entityTypes: ['card'],
      variables: [
        { name: 'amount', column: 'order_price', variableType: 'PRICE' },
        { name: 'email', column: 'customer_email', variableType: 'EMAIL_ADDRESS' },
        { name: 'phone', column: 'billing_phone', variableType: 'PHONE_NUMBER' },
        { name: 'merchant', variableType: 'CATEGORICAL' },
        { name: 'device_id', variableType: 'FINGERPRINT' },
        { name: 'customer_job', variableType: 'CATEGORICAL' },
      ],
    }));
    const segments = join(dir, 'segments.csv');
    const fraudIds = readFileSync(smaller, 'utf8').trim().split('\n').slice(1).filter((l) => l.includes(',fraud,')).map((l) => l.split(',')[0]);
    writeFileSync(segments, ['EVENT_ID,segment', ...fraudIds.map((id, i) => `${id},${i % 2 ? 'odd' : 'even'}`)].join('\n'));
    // Act
    const run = tsx(['scripts/fraud/train.ts', '--events', smaller, '--event-type', eventType, '--keys', 'merchant:labels,email.domain', '--segments', segments, '--out', join(dir, 'declared')]);
    // Assess
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('optional variable(s) without a column, always missing: device_id, customer_job');
    expect(run.stderr).toMatch(/ignoring column\(s\) that are not variables of event type card_payment: .*payment_currency/);
    const spec = JSON.parse(readFileSync(join(dir, 'declared', 'features.json'), 'utf8'));
    expect(spec.keys).toEqual([{ variable: 'merchant', derive: 'value', labels: true }, { variable: 'email', derive: 'domain', labels: false }]);
    expect(spec.names).toEqual(expect.arrayContaining(['merchant.fraud_rate_7d', 'email.domain.count_1h', 'phone.new', 'entity.known_frauds_30d']));
    const metrics = JSON.parse(readFileSync(join(dir, 'declared', 'metrics.json'), 'utf8'));
    expect(metrics.segments.map((g: { segment: string }) => g.segment).sort()).toEqual(['even', 'odd']);
    expect(metrics.segments.reduce((n: number, g: { fraud: number }) => n + g.fraud, 0)).toBe(metrics.windows.test.fraud);
    expect(readFileSync(join(dir, 'declared', 'MODEL_CARD.md'), 'utf8')).toContain('| segment | fraud events | at block | at 1% FPR |');
  }, 600_000);

  it('merges the labels kept in DATA_DIR\'s lake into the events by default, says what they did, and records it in the model card', () => {
    // Prepare: review decisions as the label function keeps them, two on events of the file (legit there), one on an unknown event
    const dataDir = mkdtempSync(join(tmpdir(), 'train-lake-'));
    const day = join(dataDir, 'lake', 'labels', 'dt=2027-01-01');
    mkdirSync(day, { recursive: true });
    const legitIds = readFileSync(smaller, 'utf8').trim().split('\n').slice(1).filter((l) => l.includes(',legit,')).slice(0, 2).map((l) => l.split(',')[0]!);
    const decided = [...legitIds, 'evt-not-in-file'].map((id) => JSON.stringify({ event_id: id, entity_id: 'c', label: 'fraud', label_time: '2027-01-01T09:00:00Z', source: 'analyst' }));
    writeFileSync(join(day, 'fraud_labels-0-0000000000000007.jsonl'), `${decided.join('\n')}\n`);
    // Act
    const run = spawnSync('npx', ['tsx', 'scripts/fraud/train.ts', '--events', smaller, '--out', join(dir, 'with-lake')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 600_000, env: { ...process.env, DATA_DIR: dataDir } });
    // Assess
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`labels merged from ${join(dataDir, 'lake', 'labels')}: 3 read (3 events), 2 matched, 2 changed a label, 0 older than the file's label (kept), 1 unmatched (evt-not-in-file)`);
    const metrics = JSON.parse(readFileSync(join(dir, 'with-lake', 'metrics.json'), 'utf8'));
    expect(metrics.data.merged_labels).toMatchObject({ read: 3, events: 3, matched: 2, changed: 2, kept: 0, unmatched: 1, bad_lines: 0 });
    expect(readFileSync(join(dir, 'with-lake', 'MODEL_CARD.md'), 'utf8')).toMatch(/Labels merged in by EVENT_ID from `[^`]*lake\/labels` \(the latest LABEL_TIMESTAMP wins\): 3 read, 2 matched, 2 changed a label, 1 unmatched\./);
  }, 600_000);
});

describe('Training and scoring: nothing vanishes, errors name the cause', () => {
  const broken = join(dir, 'broken.csv');
  const lines = () => readFileSync(file, 'utf8').trim().split('\n');

  it('fails when every row is skipped, with the column and reason', () => {
    const rows = lines();
    writeFileSync(broken, [rows[0], ...rows.slice(1, 200).map((l) => l.replace(/,\d\d\/\d\d\/\d{4} [\d:]+,/, ',sometime,'))].join('\n'));
    for (const script of ['scripts/fraud/train.ts', 'scripts/fraud/score.ts']) {
      const run = tsx([script, '--events', broken, ...(script.endsWith('score.ts') ? ['--model', join(dir, 'model'), '--out', join(dir, 'none.csv')] : ['--out', join(dir, 'none')])]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/all 199 rows were skipped:\n {2}199 row\(s\): EVENT_TIMESTAMP: not a timestamp in a format AFD accepts \(e\.g\. "sometime"\)/);
      expect(existsSync(join(dir, 'none.csv'))).toBe(false);
    }
  }, 120_000);

  it('fails when more rows are skipped than allowed, and accepts them with --max-skipped', () => {
    const rows = lines();
    writeFileSync(broken, [rows[0], ...rows.slice(1, 1001).map((l, i) => (i % 10 === 0 ? l.replace(/,(fraud|legit),/, ',unknown,') : l))].join('\n'));
    const strict = tsx(['scripts/fraud/score.ts', '--events', broken, '--model', join(dir, 'model'), '--out', join(dir, 'strict.csv')]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/100 of 1,000 rows skipped \(10\.0%, more than the allowed 5\.0%.*\n.*EVENT_LABEL: neither a fraud label/);
    const lenient = tsx(['scripts/fraud/score.ts', '--events', broken, '--model', join(dir, 'model'), '--out', join(dir, 'lenient.csv'), '--max-skipped', '0.2']);
    expect(lenient.status).toBe(0);
    expect(readFileSync(join(dir, 'lenient.csv'), 'utf8').trim().split('\n')).toHaveLength(901);
    expect(lenient.stderr).toContain('scored 900 of 1,000 rows (100 skipped)');
  }, 120_000);

  it('reports what Python said when training fails, and suggests installing tools only when they are missing', () => {
    const fake = join(dir, 'fake-python');
    writeFileSync(fake, '#!/bin/sh\necho "Traceback (most recent call last):" >&2\necho "ValueError: Input contains NaN" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    const failing = tsx(['scripts/fraud/train.ts', '--events', file, '--out', join(dir, 'py'), '--python', fake]);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('Python training failed (exit 1):\nTraceback (most recent call last):\nValueError: Input contains NaN');
    expect(failing.stderr).not.toContain('pip install');
    const missing = tsx(['scripts/fraud/train.ts', '--events', file, '--out', join(dir, 'py'), '--python', join(dir, 'no-such-python')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-python: spawnSync .* ENOENT\nInstall its tools with: pip install -r scripts\/fraud\/requirements.txt/);
  }, 300_000);
});
