import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export { actionsOnAnyResource, bucketProblems, resourcesOfType, unusedRoles, wildcardActions, type Template } from '../../../scripts/deploy/templateChecks.js';
import type { Template } from '../../../scripts/deploy/templateChecks.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Environment with every AWS credential removed: packaging must work without an account. */
function withoutCredentials(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('AWS_')) delete env[k];
  env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent';
  env.AWS_CONFIG_FILE = '/nonexistent';
  env.ONNXRUNTIME_NODE_INSTALL = 'skip';
  return env;
}

/** KEY=value lines of an env file (comments and blank lines skipped). */
export function readEnvFile(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!.trim();
  }
  return out;
}

/** The example deployment settings (scripts/deploy/example.env), plus the lake reference the root deploy passes. */
export const exampleSettings = (): Record<string, string> => ({ ...readEnvFile(join(REPO_ROOT, 'scripts/deploy/example.env')), SFC_LAKE_STACK: 'sfc-txn-dev' });

/**
 * Runs `serverless package` in services/<name> offline with the example settings (or `settings`);
 * returns the template path or throws with the output.
 */
export function packageService(name: string, settings: Record<string, string> = exampleSettings()): string {
  const cwd = join(REPO_ROOT, 'services', name);
  const run = spawnSync('npx', ['serverless', 'package', '--stage', 'dev'], { cwd, env: { ...withoutCredentials(), ...settings }, encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`serverless package (${name}) exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  return join(cwd, '.serverless', 'cloudformation-template-update-stack.json');
}

/** cfn-lint findings for a template (run from the repository root so .cfnlintrc.yaml applies); '' when clean. */
export function cfnLint(template: string): string {
  const run = spawnSync('cfn-lint', [template], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.error) throw new Error(`cfn-lint is not installed: python3 -m pip install -r scripts/requirements-ci.txt (${run.error.message})`);
  return run.status === 0 ? '' : `${run.stdout}${run.stderr}` || `cfn-lint exited ${run.status}`;
}

/** Logical ids of the roles the template's Lambda functions run with. */
export function functionRoles(template: Template): string[] {
  return Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function')
    .map((f) => (f.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0])
    .sort();
}

