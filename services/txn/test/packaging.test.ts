import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cfnLint, packageService, REPO_ROOT } from '../../../shared/test/support/serverless.js';

describe('Packaging: services/txn', () => {
  let template: Record<string, any>;
  let templatePath: string;

  beforeAll(() => {
    templatePath = packageService('txn');
    template = JSON.parse(readFileSync(templatePath, 'utf8'));
  }, 300_000);

  it('passes cfn-lint', () => {
    expect(cfnLint(templatePath)).toBe('');
  });

  it('gives each function its own role with no wildcard actions', () => {
    const functions = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::Lambda::Function') as any[];
    const used = functions.map((f) => f.Properties.Role['Fn::GetAtt'][0]).sort();
    expect(used).toEqual(['ActIamRoleLambdaExecution', 'ProduceIamRoleLambdaExecution', 'ScoreIamRoleLambdaExecution']);
    const roles = Object.entries(template.Resources).filter(([, r]: [string, any]) => r.Type === 'AWS::IAM::Role');
    const actions = JSON.stringify(roles).match(/"Action":\[[^\]]*\]/g) ?? [];
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.join()).not.toMatch(/"\*"|:\*"/);
  });

  it('wires score and act to MSK and runs the Node.js 22 runtime', () => {
    const mappings = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::Lambda::EventSourceMapping') as any[];
    expect(mappings.map((m) => m.Properties.Topics[0]).sort()).toEqual(['processed_transactions', 'transactions']);
    const functions = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::Lambda::Function') as any[];
    expect(functions.every((f) => f.Properties.Runtime === 'nodejs22.x')).toBe(true);
  });

  it('packages a score bundle that runs on its own and carries only linux/x64 native code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-zip-'));
    execFileSync('unzip', ['-q', join(REPO_ROOT, 'services/txn/.serverless/score.zip'), '-d', dir]);
    const listing = execFileSync('find', [join(dir, 'node_modules/onnxruntime-node/bin'), '-name', '*.node'], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.every((p) => p.includes('/linux/x64/'))).toBe(true);
    const script = `const { handler } = require('./src/handlers/score.cjs');
      const ev = JSON.parse(require('fs').readFileSync(${JSON.stringify(join(REPO_ROOT, 'services/txn/events/msk-transactions.json'))}, 'utf8'));
      handler(ev).then((r) => console.log(JSON.stringify(r)));`;
    const out = execFileSync('node', ['-e', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, TOPICS: 'memory', LOG_LEVEL: 'silent', DATA_DIR: join(dir, '.data'), FRAUD_MODEL_DIR: '' } });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toMatchObject({ received: 11, scored: 10, deadLettered: 1 });
  });
});
