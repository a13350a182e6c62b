import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../lib/freePort.js';
import { brokerPaths, serverProperties, KAFKA_VERSION, type BrokerPaths } from './brokerConfig.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

export interface BrokerOptions {
  /** Client port on 127.0.0.1; the controller listens on port + 1. */
  port?: number;
  /** Default partitions of topics created without a count. */
  partitions?: number;
  /** JVM heap ceiling: the machine is small and shared. */
  heap?: string;
  /** How long to wait for the "started" line. */
  readyTimeoutMs?: number;
  /** Pid of the process this broker belongs to (a jest run): once it is gone, the next start stops and wipes the broker. */
  owner?: number;
  log?: (line: string) => void;
}

export interface Broker {
  brokers: string;
  port: number;
  pid: number;
  paths: BrokerPaths;
  /** True when a broker was already running on the port (started by someone else: leave it running). */
  reused: boolean;
}

const defaults = { port: 9092, partitions: 3, heap: '512m', readyTimeoutMs: 120_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Copies the broker's jars from Maven Central (or the local ~/.m2 cache) once. */
export function ensureJars(p: BrokerPaths, log: (l: string) => void = () => {}): void {
  if (existsSync(join(p.libs, `kafka_2.13-${KAFKA_VERSION}.jar`)) && existsSync(join(p.libs, `kafka-tools-${KAFKA_VERSION}.jar`))) return;
  log(`fetching Apache Kafka ${KAFKA_VERSION} jars with Maven into ${p.libs}`);
  const mvn = spawnSync('mvn', ['-q', '-B', '-f', join(here, 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${p.libs}`, '-DincludeScope=runtime'], { stdio: 'inherit' });
  if (mvn.error || mvn.status !== 0) throw new Error(`mvn dependency:copy-dependencies failed (${mvn.error?.message ?? `exit ${mvn.status}`}); is Maven installed?`);
}

function java(p: BrokerPaths, heap: string, mainClass: string, args: string[]): string[] {
  return [`-Xms128m`, `-Xmx${heap}`, '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${join(here, 'log4j.properties')}`, `-Dkafka.broker.home=${p.home}`, '-cp', `${p.libs}/*`, mainClass, ...args];
}

/** Pid of the broker recorded for this port, if that process is still alive and is ours. */
export function runningPid(p: BrokerPaths): number | undefined {
  if (!existsSync(p.pid)) return undefined;
  const pid = Number(readFileSync(p.pid, 'utf8').trim());
  try {
    // The pid file may be stale and the number reused: only a java process with our home counts.
    if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`-Dkafka.broker.home=${p.home}`)) return undefined;
    return pid;
  } catch {
    return undefined;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2]!.startsWith('Z');
  } catch {
    return false;
  }
};

/** Formats storage on first use, starts the broker detached and resolves once its log says it started. */
export async function startBroker(options: BrokerOptions = {}): Promise<Broker> {
  const o = { ...defaults, ...options };
  const log = o.log ?? (() => {});
  const p = brokerPaths(repoRoot, o.port);
  const brokers = `127.0.0.1:${o.port}`;
  const existing = runningPid(p);
  if (existing) return { brokers, port: o.port, pid: existing, paths: p, reused: true };
  ensureJars(p, log);
  mkdirSync(p.data, { recursive: true });
  if (o.owner !== undefined) writeFileSync(p.owner, String(o.owner)); // a restart (fault tests) keeps the owner
  writeFileSync(p.properties, serverProperties(p, o.port, o.port + 1, o.partitions));
  if (!existsSync(join(p.data, 'meta.properties'))) {
    const clusterId = Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
    const fmt = spawnSync('java', java(p, '256m', 'kafka.tools.StorageTool', ['format', '-t', clusterId, '-c', p.properties, '--ignore-formatted']), { encoding: 'utf8' });
    if (fmt.status !== 0) throw new Error(`kafka StorageTool format failed: ${fmt.stderr || fmt.stdout}`);
  }
  const started = readLogLength(p);
  const out = openSync(p.log, 'a');
  const child = spawn('java', java(p, o.heap, 'kafka.Kafka', [p.properties]), { detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  child.unref();
  const pid = child.pid!;
  writeFileSync(p.pid, String(pid));
  const deadline = Date.now() + o.readyTimeoutMs;
  while (Date.now() < deadline) {
    const text = readFileSync(p.log, 'utf8').slice(started);
    if (/Kafka Server started/.test(text)) {
      log(`kafka ${KAFKA_VERSION} broker ready on ${brokers} (pid ${pid}, log ${p.log})`);
      return { brokers, port: o.port, pid, paths: p, reused: false };
    }
    if (!alive(pid)) throw new Error(`kafka broker exited during start-up; last log lines:\n${text.split('\n').slice(-20).join('\n')}`);
    await sleep(200);
  }
  await stopBroker({ port: o.port });
  throw new Error(`kafka broker not ready after ${o.readyTimeoutMs} ms (log ${p.log})`);
}

function readLogLength(p: BrokerPaths): number {
  return existsSync(p.log) ? readFileSync(p.log, 'utf8').length : 0;
}

/** Stops the broker on `port` (SIGTERM, then SIGKILL after `graceMs`) and waits until the process is gone. */
export async function stopBroker(options: { port?: number; graceMs?: number; signal?: NodeJS.Signals } = {}): Promise<boolean> {
  const p = brokerPaths(repoRoot, options.port ?? defaults.port);
  const pid = runningPid(p);
  if (!pid) {
    rmSync(p.pid, { force: true });
    return false;
  }
  process.kill(pid, options.signal ?? 'SIGTERM');
  const deadline = Date.now() + (options.graceMs ?? 30_000);
  while (alive(pid) && Date.now() < deadline) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  while (alive(pid)) await sleep(50);
  rmSync(p.pid, { force: true });
  return true;
}

/** kill -9: the broker dies without flushing or deregistering (fault tests). */
export const killBroker = (port = defaults.port) => stopBroker({ port, signal: 'SIGKILL', graceMs: 0 });

/** Removes a stopped broker's data (a fresh cluster on next start). */
export function wipeBroker(port = defaults.port): void {
  const p = brokerPaths(repoRoot, port);
  if (runningPid(p)) throw new Error(`broker on ${port} is running; stop it first`);
  rmSync(p.home, { recursive: true, force: true });
}

/** A client port whose controller port (port + 1) is free too, both on 127.0.0.1 right now. */
export async function freeBrokerPort(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port >= 65535) continue;
    const taken = await new Promise<boolean>((ok) => {
      const server = createServer().once('error', () => ok(true));
      server.listen(port + 1, '127.0.0.1', () => server.close(() => ok(false)));
    });
    if (!taken) return port;
  }
}

/**
 * Starts a fresh broker (empty data) on a free port, for one owner; retries when another process
 * takes the port between the probe and the broker's bind. Stops and wipes orphans first.
 */
export async function startFreshBroker(options: Omit<BrokerOptions, 'port'> = {}): Promise<Broker> {
  await stopOrphans();
  for (let attempt = 1; ; attempt++) {
    const port = await freeBrokerPort();
    wipeBroker(port);
    try {
      return await startBroker({ ...options, port });
    } catch (err) {
      if (attempt < 3 && /BindException|Address already in use/.test(String(err))) continue;
      throw err;
    }
  }
}

const readPid = (file: string) => (existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined);

/** Stops and wipes the brokers whose owner (a jest run killed before its teardown) is gone. */
export async function stopOrphans(): Promise<void> {
  const { root } = brokerPaths(repoRoot, defaults.port);
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    const port = Number(/^broker-(\d+)$/.exec(name)?.[1]);
    if (!port) continue;
    const owner = readPid(brokerPaths(repoRoot, port).owner);
    if (!owner || alive(owner)) continue; // no owner (npm run kafka:start), or a live one
    await stopBroker({ port });
    wipeBroker(port);
  }
}
