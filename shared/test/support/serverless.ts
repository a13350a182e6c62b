import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Runs `serverless package` in services/<name> offline; returns the template path or throws with the output. */
export function packageService(name: string): string {
  const cwd = join(REPO_ROOT, 'services', name);
  const run = spawnSync('npx', ['serverless', 'package'], { cwd, env: withoutCredentials(), encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) throw new Error(`serverless package (${name}) exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  return join(cwd, '.serverless', 'cloudformation-template-update-stack.json');
}

/** cfn-lint findings for a template (run from the repository root so .cfnlintrc.yaml applies); '' when clean. */
export function cfnLint(template: string): string {
  const run = spawnSync('cfn-lint', [template], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.error) throw new Error(`cfn-lint is not installed: python3 -m pip install -r scripts/requirements-ci.txt (${run.error.message})`);
  return run.status === 0 ? '' : `${run.stdout}${run.stderr}` || `cfn-lint exited ${run.status}`;
}
