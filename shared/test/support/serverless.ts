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

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, any> }> };

/** IAM actions granted anywhere in a template that are wildcards (`*` or `service:*`). */
export function wildcardActions(template: Template): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'Action') for (const a of [v].flat()) if (typeof a === 'string' && (a === '*' || a.endsWith(':*'))) found.push(a);
        visit(v);
      }
    }
  };
  for (const r of Object.values(template.Resources)) if (r.Type === 'AWS::IAM::Role' || r.Type === 'AWS::IAM::Policy') visit(r.Properties);
  return found;
}

/** Logical ids of the roles the template's Lambda functions run with. */
export function functionRoles(template: Template): string[] {
  return Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function')
    .map((f) => (f.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0])
    .sort();
}
