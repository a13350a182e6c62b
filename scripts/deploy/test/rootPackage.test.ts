import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { exampleSettings, REPO_ROOT } from '../../../shared/test/support/serverless.js';

/** The environment of a fresh machine: no AWS credentials or region, only the given settings. */
function env(settings: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_CONFIG_FILE: '/nonexistent', SLS_TELEMETRY_DISABLED: '1', ONNXRUNTIME_NODE_INSTALL: 'skip' };
  for (const k of Object.keys(e)) if (k.startsWith('AWS_') && !k.endsWith('_FILE')) delete e[k];
  for (const k of Object.keys(e)) if (k.startsWith('SFC_')) delete e[k];
  return { ...e, ...settings };
}

describe('Root compose: npx serverless package, offline, on a fresh clone', () => {
  it('packages the three services with the settings alone: no credentials, no compose state', () => {
    // Prepare: no state from an earlier deploy
    rmSync(join(REPO_ROOT, '.serverless'), { recursive: true, force: true });
    const { SFC_LAKE_STACK: _, ...settings } = exampleSettings();
    // Act
    const run = spawnSync('npx', ['serverless', 'package', '--stage', 'dev'], { cwd: REPO_ROOT, env: env(settings), encoding: 'utf8', timeout: 600_000 });
    // Assess
    expect([run.status, run.stderr.slice(-2000)]).toEqual([0, expect.anything()]);
    for (const s of ['txn', 'cs', 'rpt']) expect(existsSync(join(REPO_ROOT, 'services', s, '.serverless/cloudformation-template-update-stack.json'))).toBe(true);
    // compose passed the lake reference: cs imports txn's export of the same stage
    const cs = JSON.parse(readFileSync(join(REPO_ROOT, 'services/cs/.serverless/cloudformation-template-update-stack.json'), 'utf8'));
    expect(cs.Resources.ScanLambdaFunction.Properties.Environment.Variables.LAKE_BUCKET).toEqual({ 'Fn::ImportValue': 'sfc-txn-dev-LakeBucketName' });
  }, 600_000);

  it('refuses to deploy the local stage, before any AWS call', () => {
    const run = spawnSync('npx', ['serverless', 'deploy', '--stage', 'local'], { cwd: join(REPO_ROOT, 'services/txn'), env: env({}), encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('error: the local stage runs on embedded adapters (serverless invoke local) and cannot be deployed; choose another --stage');
  }, 120_000);
});
