import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort } from '../../../scripts/lib/freePort.js';

/** A running AWS emulator: `endpoint` for the SDK clients, `stop` to end it (a no-op for an external one). */
export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const MOTO_REQUIREMENTS = 'scripts/requirements-moto.txt';
export const MOTO_INSTALL = `python3 -m pip install -r ${MOTO_REQUIREMENTS}`;
const READY_TIMEOUT_MS = 30_000;

/** A resource name no earlier run against the same (possibly long-lived) emulator has used. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Dummy credentials and region so the SDK never looks for real ones; set before any client is built. */
export function useDummyAwsCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID ??= 'testing';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';
  process.env.AWS_SESSION_TOKEN ??= 'testing';
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_DEFAULT_REGION ??= 'us-east-1';
}


/** Fails loudly (never skips) when python3 or moto is missing, and records the install step for CI. */
function requireMoto(): void {
  const probe = spawnSync('python3', ['-c', 'import moto.server, flask, flask_cors'], { encoding: 'utf8' });
  if (probe.status === 0) return;
  const ci = join(REPO_ROOT, '.ci/needs-aws.sh');
  mkdirSync(dirname(ci), { recursive: true });
  if (!existsSync(ci)) writeFileSync(ci, `#!/usr/bin/env bash\n# AWS adapter tests run against the moto emulator in server mode.\nset -euo pipefail\ncd "$(dirname "$0")/.."\n${MOTO_INSTALL}\n`, { mode: 0o755 });
  const why = probe.error ? `python3 not found (${probe.error.message})` : probe.stderr.trim().split('\n').pop();
  throw new Error(`AWS adapter tests need moto in server mode, which is not usable here: ${why}. Install it with: ${MOTO_INSTALL}`);
}

async function waitReady(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto server exited with ${child.exitCode}: ${output()}`);
    const ok = await fetch(`${endpoint}/moto-api/`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto server at ${endpoint} not ready after ${READY_TIMEOUT_MS} ms: ${output()}`);
}

/**
 * Starts `python3 -m moto.server` on a free loopback port and waits until it answers HTTP.
 * When AWS_ENDPOINT_URL is already set (CI with a shared emulator), that endpoint is used instead.
 */
export async function startMoto(): Promise<Moto> {
  useDummyAwsCredentials();
  const external = process.env.AWS_ENDPOINT_URL;
  if (external) return { endpoint: external, stop: async () => {} };
  requireMoto();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  let log = '';
  const keep = (chunk: Buffer) => { log = (log + chunk.toString()).slice(-2000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitReady(endpoint, child, () => log);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  return { endpoint, stop };
}

/**
 * A moto server and a DynamoDB client on it for the tests of one describe block: started before them,
 * stopped after. Read `.ddb` inside tests (it is set by the time they run).
 */
export function useMotoDynamo(): { readonly ddb: DynamoDBClient; readonly moto: Moto } {
  let moto: Moto | undefined;
  let ddb: DynamoDBClient | undefined;
  beforeAll(async () => {
    moto = await startMoto();
    // Imported here so the many tests that load this file for S3 or SNS do not load the DynamoDB client.
    const { DynamoDBClient: Client } = await import('@aws-sdk/client-dynamodb');
    ddb = new Client({ endpoint: moto.endpoint, region: 'us-east-1' });
  }, 60_000);
  afterAll(async () => {
    ddb?.destroy();
    await moto?.stop();
  });
  return { get ddb() { return ddb!; }, get moto() { return moto!; } };
}
