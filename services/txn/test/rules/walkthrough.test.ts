import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LakeTransactionSchema, type LakeTransaction } from '@sfc/shared';
import { REPO_ROOT } from '../../../../shared/test/support/serverless.js';

// The README's story of a team leaving Amazon Fraud Detector, command by command, on one DATA_DIR:
// their detector version imported and activated, a DRAFT with one more rule shadowing it through an
// `npm start`, analysts deciding cases (labels in the lake), the DRAFT backtested, then activated, and a
// deny-list entry added and removed. Each `npm run X -- ...` of the README is the `tsx` line it runs.
const DETECTOR = 'loan_application_detector';
const FIXTURE = 'services/txn/test/fixtures/afd/loan_application_detector';
const dataDir = mkdtempSync(join(tmpdir(), 'walkthrough-'));
const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };

function run(script: string, ...args: string[]): string {
  const r = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), [script, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')}: exit ${r.status}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}
const detectors = (...args: string[]) => run('services/txn/src/cli/detectors.ts', ...args);
const lists = (...args: string[]) => run('services/txn/src/cli/lists.ts', ...args);
const cases = (...args: string[]) => run('services/txn/src/cases/cli.ts', ...args);

function lake(): LakeTransaction[] {
  const rows: LakeTransaction[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.jsonl')) rows.push(...readFileSync(join(dir, e.name), 'utf8').trim().split('\n').map((l) => LakeTransactionSchema.parse(JSON.parse(l))));
    }
  };
  walk(join(dataDir, 'lake', 'processed'));
  return rows;
}

describe('README walkthrough: an AFD detector version imported, activated, shadowed by a DRAFT, backtested, activated; a deny-list entry', () => {
  it('runs locally from the README commands on one DATA_DIR', () => {
    expect(detectors('import', FIXTURE, '--outcome', 'loan_officer_queue=review')).toMatch(/as loan_application_detector:3 \(DRAFT\)/);
    expect(detectors('activate', DETECTOR, '3')).toMatch(/:3 is ACTIVE/);

    // The DRAFT: version 3's body with one more rule in front.
    const v3 = JSON.parse(detectors('show', DETECTOR, '3'));
    const file = join(dataDir, 'v4.json');
    writeFileSync(file, JSON.stringify({ ...v3.body, rules: [{ ruleId: 'large_order', ruleVersion: '1', expression: '$order_price > 500', outcomes: ['verify_applicant'] }, ...v3.body.rules] }));
    expect(detectors('create-version', DETECTOR, '--file', file)).toMatch(/created loan_application_detector:4 \(DRAFT/);
    expect(detectors('shadow', DETECTOR, '4')).toMatch(/:4 \(DRAFT\) is the SHADOW/);

    // Live traffic: version 3 decides, version 4 is scored beside it and does nothing.
    const started = spawnSync(join(REPO_ROOT, 'node_modules/.bin/tsx'), ['scripts/start.ts', '--count', '2000'], { cwd: REPO_ROOT, encoding: 'utf8', env, timeout: 300_000 });
    expect([started.status, started.stderr]).toEqual([0, expect.any(String)]);
    const rows = lake();
    expect(rows).toHaveLength(2000);
    for (const r of rows) {
      expect(r.fd.detector_version).toBe(`${DETECTOR}:3`);
      expect(r.fd_shadow?.detector_version).toBe(`${DETECTOR}:4`);
    }
    const differ = rows.filter((r) => r.fd.outcome !== r.fd_shadow!.outcome);
    expect(differ.length).toBeGreaterThan(0);

    // Analysts decide some of version 3's reviews: the labels land in the lake at once.
    const open = cases('list', '--limit', '6').trim().split('\n').filter((l) => /^\S+\t/.test(l)).map((l) => l.split('\t')[0]!);
    expect(open.length).toBeGreaterThan(0);
    open.forEach((id, i) => cases('decide', id, '--label', i % 2 === 0 ? 'fraud' : 'legit', '--analyst', 'ana'));
    const labelled = readdirSync(join(dataDir, 'lake', 'labels'), { recursive: true }).filter((f) => String(f).endsWith('.jsonl'));
    expect(labelled.length).toBeGreaterThan(0);

    // The DRAFT backtested over that lake, with the labels known. The lake holds e-mails as tokens, so
    // version 4's regex on the e-mail is refused, by name; its new rule is backtested alone.
    expect(() => detectors('backtest', DETECTOR, '4', '--json')).toThrow(/free_mail_large_loan.*regex_match\(\) of \$customer_email/);
    const bt = JSON.parse(detectors('backtest', DETECTOR, '4', '--rule', 'large_order', '--json'));
    expect(bt.rows).toBe(2000);
    expect(bt.labels.fraud + bt.labels.legit).toBe(open.length);
    const matrixTotal = Object.values(bt.versusLive as Record<string, Record<string, number>>).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0);
    expect(matrixTotal).toBe(2000);
    // What the backtest says the rule matches is what the shadow saw it match, row for row in count.
    const shadowHits = rows.filter((r) => r.fd_shadow!.rules?.[0]?.rule_id === 'large_order').length;
    expect(shadowHits).toBeGreaterThan(0);
    expect(bt.perRule).toEqual([expect.objectContaining({ ruleId: 'large_order', matches: shadowHits })]);

    // Promoted: version 4 decides, 3 is INACTIVE, nothing is shadowed any more.
    expect(detectors('activate', DETECTOR, '4')).toMatch(/:4 is ACTIVE; 3 is INACTIVE/);
    expect(detectors('list')).toMatch(new RegExp(`${DETECTOR}\\t4\\tACTIVE\\t`));

    // A deny-list entry, added and removed by an analyst without a deploy.
    lists('add', 'deny_emails', 'someone@example.org');
    expect(lists('show', 'deny_emails')).toContain('someone@example.org');
    lists('remove', 'deny_emails', 'someone@example.org');
    expect(lists('show', 'deny_emails')).not.toContain('someone@example.org');
  }, 300_000);
});
