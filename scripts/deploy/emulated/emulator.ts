// Starts the AWS emulator of an emulated deploy: moto server with the additions in moto_server.py
// (functions run on Node.js 22 without Docker; MSK clusters and event source mappings), on a free
// loopback port. For tests and `npm run deploy:emulated` only.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { node22 } from '../../lambda/node22.js';
import { freePort } from '../../lib/freePort.js';

const HERE = import.meta.dirname;
const RUNNER = resolve(HERE, '../../lambda/run.mjs');

export interface EmulatorLogEntry {
  kind: 'invoke' | 'custom-resource-response';
  function?: string;
  errored?: boolean;
  error?: string;
  logs?: string;
  status?: string;
  logicalId?: string;
  reason?: string;
}

export interface Emulator {
  endpoint: string;
  /** Registers an image URI whose invocations run `taskRoot` (an assembled /var/task). */
  registerImage(uri: string, image: { taskRoot: string; handler: string; env: Record<string, string> }): void;
  /** What moto_server.py recorded: invocations and custom-resource answers. */
  entries(): EmulatorLogEntry[];
  stop(): Promise<void>;
}


/** Starts the emulator; `dir` holds its log, the image map and unpacked function code. */
export async function startEmulator(dir: string, envOverrides: Record<string, string>): Promise<Emulator> {
  const probe = spawnSync('python3', ['-c', 'import moto.server, flask, flask_cors'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`moto is not installed: python3 -m pip install -r scripts/requirements-moto.txt (${probe.stderr.trim().split('\n').pop()})`);
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const logFile = join(dir, 'emulator.jsonl');
  const imagesFile = join(dir, 'images.json');
  writeFileSync(imagesFile, '{}');
  writeFileSync(logFile, '');
  const child = spawn('python3', [join(HERE, 'moto_server.py'), '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, PYTHONUNBUFFERED: '1', MOTO_PORT: String(port), MOTO_LAMBDA_STUB_ECR: 'false',
      SFC_NODE22: node22(), SFC_LAMBDA_RUNNER: RUNNER, SFC_EMULATOR_LOG: logFile, SFC_EMULATOR_IMAGES: imagesFile,
      SFC_EMULATOR_CODE_DIR: join(dir, 'code'), SFC_EMULATOR_ENV_OVERRIDES: JSON.stringify(envOverrides),
    },
  });
  let output = '';
  const serverLog = join(dir, 'moto.log');
  const keep = (c: Buffer) => {
    output = (output + c.toString()).slice(-4000);
    appendFileSync(serverLog, c);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`emulator exited with ${child.exitCode}: ${output}`);
    if (await fetch(`${endpoint}/moto-api/`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`emulator not ready on ${endpoint} after 60 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    endpoint,
    registerImage(uri, image) {
      const images = JSON.parse(readFileSync(imagesFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(imagesFile, JSON.stringify({ ...images, [uri]: image }));
    },
    entries: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as EmulatorLogEntry) : []),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
