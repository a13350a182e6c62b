import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { node22 } from './node22.js';

const RUNNER = resolve(import.meta.dirname, 'run.mjs');

export interface Invocation {
  /** The function's code: the unzipped package or the image's /var/task. */
  taskRoot: string;
  /** `file.export`, as in the function's configuration (or the image's CMD). */
  handler: string;
  event: unknown;
  /** The function's environment; nothing else is passed (no NODE_PATH, no repository paths). */
  env: Record<string, string>;
  timeoutSeconds?: number;
}

export interface InvocationResult {
  result?: unknown;
  error?: { errorType: string; errorMessage: string; stack: string[] };
  logs: string;
}

/** Runs one invocation on the Node.js 22 binary, in a process of its own, as Lambda's runtime would. */
export async function invokeOnNode22(inv: Invocation): Promise<InvocationResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sfc-invoke-'));
  const eventFile = join(dir, 'event.json');
  const resultFile = join(dir, 'result.json');
  writeFileSync(eventFile, JSON.stringify(inv.event));
  const timeout = inv.timeoutSeconds ?? 120;
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', AWS_LAMBDA_FUNCTION_TIMEOUT: String(timeout), ...inv.env };
  try {
    const logs = await new Promise<string>((ok, fail) => {
      const child = spawn(node22(), [RUNNER, inv.taskRoot, inv.handler, eventFile, resultFile], { cwd: inv.taskRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout * 1000);
      child.on('error', fail);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        if (signal) fail(new Error(`invocation of ${inv.handler} killed by ${signal} after ${timeout} s:\n${out}`));
        else if (code !== 0) fail(new Error(`invocation of ${inv.handler} exited ${code}:\n${out}`));
        else ok(out);
      });
    });
    return { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as Omit<InvocationResult, 'logs'>), logs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
