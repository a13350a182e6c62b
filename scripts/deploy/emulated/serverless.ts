import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const PRELOAD = resolve(import.meta.dirname, 'aws-sdk-v2-endpoint.cjs');

/**
 * Runs the README's root command (`npx serverless deploy|remove --stage S`, osls compose) against the
 * emulator: the settings in the environment, dummy credentials, and the aws-sdk v2 preload. Output goes
 * to `logFile`; a failure throws with its last lines.
 */
export async function runServerless(command: string, stage: string, o: { endpoint: string; settings: Record<string, string>; logFile: string }): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, ...o.settings,
    AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_SESSION_TOKEN: 'testing',
    SFC_EMULATED_AWS_ENDPOINT: o.endpoint, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim(),
    SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', ONNXRUNTIME_NODE_INSTALL: 'skip',
  };
  delete env.AWS_PROFILE;
  appendFileSync(o.logFile, `\n$ npx serverless ${command} --stage ${stage}\n`);
  let tail = '';
  const code = await new Promise<number | null>((ok, fail) => {
    const child = spawn('npx', ['serverless', command, '--stage', stage], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => { appendFileSync(o.logFile, d); tail = (tail + d.toString()).slice(-6000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', fail);
    child.on('close', ok);
  });
  if (code !== 0) throw new Error(`serverless ${command} --stage ${stage} exited ${code} (log ${o.logFile}):\n${tail}`);
}
