import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../lib/freePort.js';
import {
  configProperties, findTrinoJava, hiveCatalog, instancePaths, jvmOptions, trinoPaths, TRINO_VERSION,
  type InstancePaths, type TrinoPaths,
} from './serverConfig.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TrinoOptions {
  /** HTTP port on 127.0.0.1; by default a free one the OS hands out (retried if taken before Trino binds it). */
  port?: number;
  heap?: string;
  readyTimeoutMs?: number;
  /** Process the instance belongs to: when it is gone, the next start stops the instance. 0: kept until `stop`. */
  owner?: number;
  log?: (line: string) => void;
}

export interface TrinoServer {
  url: string;
  port: number;
  pid: number;
  paths: InstancePaths;
}

const installed = (p: TrinoPaths) => existsSync(join(p.lib, `io.trino_trino-main-${TRINO_VERSION}.jar`)) && existsSync(join(p.plugins, 'hive'));

/**
 * Downloads the server core and the hive plugin from Maven Central once, keeps only what a single
 * node with the hive connector loads (the core's libraries; no launcher binaries, no other plugins),
 * and deletes the archives (from ~/.m2 too: 452 MB nothing else reads).
 */
export function ensureInstalled(log: (l: string) => void = () => {}): TrinoPaths {
  const p = trinoPaths(repoRoot);
  if (installed(p)) return p;
  const download = join(p.root, `download-${TRINO_VERSION}`);
  const staging = join(p.root, `staging-${TRINO_VERSION}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, 'plugin'), { recursive: true });
  const t0 = Date.now();
  log(`fetching Trino ${TRINO_VERSION} (server core + hive plugin, 452 MB) with Maven into ${p.install}`);
  run('mvn', ['-q', '-B', '-f', join(here, 'pom.xml'), `-Dtrino.version=${TRINO_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${download}`], 'is Maven installed?');
  const t1 = Date.now();
  run('tar', ['-xzf', join(download, `trino-server-core-${TRINO_VERSION}.tar.gz`), '-C', staging, '--strip-components=1', '--wildcards', '*/lib/*', '*/NOTICE']);
  run('unzip', ['-q', join(download, `trino-hive-${TRINO_VERSION}.zip`), '-d', join(staging, 'plugin')], 'is unzip installed?');
  renameSync(join(staging, 'plugin', `trino-hive-${TRINO_VERSION}`), join(staging, 'plugin', 'hive'));
  rmSync(p.install, { recursive: true, force: true });
  renameSync(staging, p.install);
  rmSync(download, { recursive: true, force: true });
  for (const artifact of ['trino-server-core', 'trino-hive']) rmSync(join(homedir(), '.m2', 'repository', 'io', 'trino', artifact, TRINO_VERSION), { recursive: true, force: true });
  log(`trino ${TRINO_VERSION} ready in ${p.install} (download ${((t1 - t0) / 1000).toFixed(0)} s, unpack ${((Date.now() - t1) / 1000).toFixed(0)} s)`);
  return p;
}

function run(cmd: string, args: string[], hint = ''): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} ... failed (${r.error?.message ?? `exit ${r.status}`})${hint ? `; ${hint}` : ''}`);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]!.startsWith('Z');
  } catch {
    return false;
  }
};

const readPid = (file: string) => (existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined);

/** Pid of the instance's server if that process is alive and is ours (pid files can be stale, numbers reused). */
function serverPid(i: InstancePaths): number | undefined {
  const pid = readPid(i.pid);
  try {
    return pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`-Dconfig=${i.config}`) && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Stops instances whose owner (a jest run killed before its teardown) is gone. */
async function stopOrphans(p: TrinoPaths): Promise<void> {
  if (!existsSync(p.instances)) return;
  for (const name of readdirSync(p.instances)) {
    const i = instancePaths(p, Number(name));
    const owner = readPid(i.owner);
    if (owner === 0 || (owner !== undefined && alive(owner))) continue;
    await stopInstance(i);
  }
}

/**
 * Starts a fresh single-node Trino (empty metastore) and resolves once it accepts queries. The server
 * must be installed already (`npm run trino:fetch`; `npm test` does it): nothing downloads here.
 */
export async function startTrino(options: TrinoOptions = {}): Promise<TrinoServer> {
  const p = trinoPaths(repoRoot);
  if (!installed(p)) throw new Error(`Trino ${TRINO_VERSION} is not installed in ${p.install}: run npm run trino:fetch (npm test does it)`);
  const java = findTrinoJava();
  await stopOrphans(p);
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? await freePort();
    try {
      return await startOn(p, java, port, options);
    } catch (err) {
      // Another process took the port between the probe and Trino's bind: pick another one.
      if (options.port === undefined && attempt < 3 && /BindException|Address already in use/.test(String(err))) continue;
      throw err;
    }
  }
}

async function startOn(p: TrinoPaths, java: string, port: number, options: TrinoOptions): Promise<TrinoServer> {
  const log = options.log ?? (() => {});
  const i = instancePaths(p, port);
  if (serverPid(i)) throw new Error(`a Trino instance is already running on port ${port} (stop it: npm run trino:stop -- --port ${port})`);
  rmSync(i.home, { recursive: true, force: true });
  mkdirSync(i.catalogs, { recursive: true });
  mkdirSync(i.metastore, { recursive: true });
  writeFileSync(i.config, configProperties(p, i, port));
  writeFileSync(join(i.catalogs, 'hive.properties'), hiveCatalog(i));
  writeFileSync(i.owner, String(options.owner ?? 0));
  const out = openSync(i.log, 'a');
  const t0 = Date.now();
  // Not detached: an interrupted jest (Ctrl-C) takes the server down with its process group.
  const child = spawn(java, [...jvmOptions(options.heap ?? '768m'), `-Dconfig=${i.config}`, '-cp', `${p.lib}/*`, 'io.trino.server.TrinoServer'],
    { cwd: i.home, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  const pid = child.pid!;
  writeFileSync(i.pid, String(pid));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (!alive(pid)) throw new Error(`trino exited during start-up; last log lines:\n${tail(i.log)}`);
    const info = await fetch(`${url}/v1/info`).then((r) => r.json() as Promise<{ starting?: boolean }>).catch(() => undefined);
    if (info && info.starting === false) {
      log(`trino ${TRINO_VERSION} ready on ${url} in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${pid}, log ${i.log})`);
      return { url, port, pid, paths: i };
    }
    await sleep(250);
  }
  await stopInstance(i);
  throw new Error(`trino not ready after ${options.readyTimeoutMs ?? 180_000} ms; last log lines:\n${tail(i.log)}`);
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => !/\tINFO\t/.test(l)).slice(-25).join('\n') : '(no log)');

async function stopInstance(i: InstancePaths, graceMs = 20_000): Promise<boolean> {
  const pid = serverPid(i);
  if (pid) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (alive(pid) && Date.now() < deadline) await sleep(100);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
    while (alive(pid)) await sleep(50);
  }
  rmSync(i.home, { recursive: true, force: true });
  return pid !== undefined;
}

/** Stops the instance on `port` and removes its folder; false when none was running. */
export function stopTrino(port: number): Promise<boolean> {
  return stopInstance(instancePaths(trinoPaths(repoRoot), port));
}
