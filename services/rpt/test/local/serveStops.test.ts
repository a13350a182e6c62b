import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../../../scripts/lib/freePort.js';

const ROOT = resolve(import.meta.dirname, '../../../..');

const listening = (port: number) => new Promise<boolean>((ok) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); ok(true); });
  socket.once('error', () => ok(false));
});

async function until(what: string, f: () => Promise<boolean>, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!(await f())) {
    if (Date.now() - t0 > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - t0;
}

const groupAlive = (pgid: number) => { try { process.kill(-pgid, 0); return true; } catch { return false; } };

/** `npm run report -- --serve` as a shell starts a job: npm -> sh -> tsx -> node, in a process group of its own. */
async function serve(): Promise<{ npm: ChildProcess; port: number }> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'rpt-serve-'));
  const npm = spawn('npm', ['run', 'report', '--', '--serve', '--port', String(port)], {
    cwd: ROOT, detached: true, stdio: 'ignore', env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
  });
  await until('the dashboard server listens', () => listening(port), 45_000);
  return { npm, port };
}

describe('npm run report -- --serve', () => {
  const started: ChildProcess[] = [];
  afterEach(() => {
    // Whatever the test left running: only the process groups this test started.
    for (const p of started.splice(0)) if (p.pid && groupAlive(p.pid)) process.kill(-p.pid, 'SIGKILL');
  });

  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)('stops serving and frees the port when the npm process gets %s by PID', async (signal) => {
    const { npm, port } = await serve();
    started.push(npm);

    process.kill(npm.pid!, signal);

    await until(`port ${port} freed after ${signal} to npm`, async () => !(await listening(port)), 8_000);
    await until('every process of the job exited', async () => !groupAlive(npm.pid!), 8_000);
  }, 90_000);

  it('stops on Ctrl-C (SIGINT to the whole foreground job)', async () => {
    const { npm, port } = await serve();
    started.push(npm);

    process.kill(-npm.pid!, 'SIGINT');

    await until(`port ${port} freed after Ctrl-C`, async () => !(await listening(port)), 8_000);
    await until('every process of the job exited', async () => !groupAlive(npm.pid!), 8_000);
  }, 90_000);
});
