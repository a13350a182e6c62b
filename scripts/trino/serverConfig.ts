import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Trino release the tests run (Athena engine v3 is built on Trino); it needs Java 24 or newer. */
export const TRINO_VERSION = '476';
export const TRINO_MIN_JAVA = 24;

/** Where the trimmed server lives and where each running instance keeps its config, metastore, log and pid. */
export interface TrinoPaths {
  root: string;
  /** Server libraries and the one plugin kept (hive), shared by every instance. */
  install: string;
  lib: string;
  plugins: string;
  instances: string;
}

export function trinoPaths(repoRoot: string): TrinoPaths {
  const root = join(repoRoot, '.cache', 'trino');
  const install = join(root, `server-${TRINO_VERSION}`);
  return { root, install, lib: join(install, 'lib'), plugins: join(install, 'plugin'), instances: join(root, 'instances') };
}

/** One instance's files, under `.cache/trino/instances/<port>`. */
export interface InstancePaths {
  home: string;
  config: string;
  catalogs: string;
  metastore: string;
  log: string;
  pid: string;
  /** Pid of the process that owns the instance (the jest run); when it is gone the instance is stale. */
  owner: string;
}

export function instancePaths(p: TrinoPaths, port: number): InstancePaths {
  const home = join(p.instances, String(port));
  return {
    home,
    config: join(home, 'etc', 'config.properties'),
    catalogs: join(home, 'etc', 'catalog'),
    metastore: join(home, 'metastore'),
    log: join(home, 'server.log'),
    pid: join(home, 'server.pid'),
    owner: join(home, 'owner.pid'),
  };
}

/** Major version of the JDK at `home`, from its `release` file; undefined when it is not a JDK. */
export function javaMajor(home: string): number | undefined {
  const release = join(home, 'release');
  if (!existsSync(release) || !existsSync(join(home, 'bin', 'java'))) return undefined;
  const m = /^JAVA_VERSION="(\d+)/m.exec(readFileSync(release, 'utf8'));
  return m ? Number(m[1]) : undefined;
}

/**
 * The JDK that runs Trino: TRINO_JAVA_HOME when set, else the newest JDK >= 24 under /usr/lib/jvm
 * (this project's machines have a Temurin 25 JDK there beside the system's Java 17).
 */
export function findTrinoJava(env: NodeJS.ProcessEnv = process.env, jvmDir = '/usr/lib/jvm'): string {
  const explicit = env.TRINO_JAVA_HOME;
  if (explicit) {
    const major = javaMajor(explicit);
    if (major === undefined) throw new Error(`TRINO_JAVA_HOME=${explicit} is not a JDK (no bin/java and release file)`);
    if (major < TRINO_MIN_JAVA) throw new Error(`TRINO_JAVA_HOME=${explicit} is Java ${major}; Trino ${TRINO_VERSION} needs Java ${TRINO_MIN_JAVA} or newer`);
    return join(explicit, 'bin', 'java');
  }
  const found = (existsSync(jvmDir) ? readdirSync(jvmDir) : [])
    .map((name) => ({ home: join(jvmDir, name), major: javaMajor(join(jvmDir, name)) ?? 0 }))
    .filter((j) => j.major >= TRINO_MIN_JAVA)
    .sort((a, b) => b.major - a.major);
  if (!found[0]) {
    throw new Error(`Trino ${TRINO_VERSION} needs Java ${TRINO_MIN_JAVA} or newer and none was found under ${jvmDir} `
      + `(this project's machines come with a Temurin 25 JDK at /usr/lib/jvm/temurin-25-jdk-amd64); install one and/or set TRINO_JAVA_HOME to it`);
  }
  return join(found[0].home, 'bin', 'java');
}

/**
 * A single node (coordinator that also runs tasks) bound to loopback. Only the hive plugin is
 * installed, and the catalog directory holds the one catalog the tests use.
 */
export function configProperties(p: TrinoPaths, i: InstancePaths, port: number): string {
  return `${[
    'coordinator=true',
    'node-scheduler.include-coordinator=true',
    `http-server.http.port=${port}`,
    `discovery.uri=http://127.0.0.1:${port}`,
    'node.environment=sfc_test',
    `node.id=sfc-test-${port}`,
    'node.bind-ip=127.0.0.1',
    'node.internal-address=127.0.0.1',
    `plugin.dir=${p.plugins}`,
    `catalog.config-dir=${i.catalogs}`,
    // Two cores are shared by several test processes: fewer threads start faster and use less memory.
    'task.concurrency=2',
    'task.max-worker-threads=4',
  ].join('\n')}\n`;
}

/**
 * The `hive` catalog: a file metastore in the instance folder and the native local file system, rooted
 * at `/` so a table can point at any test lake (`local:///tmp/.../lake/processed`).
 */
export function hiveCatalog(i: InstancePaths): string {
  return `${[
    'connector.name=hive',
    'hive.metastore=file',
    `hive.metastore.catalog.dir=local://${i.metastore}`,
    'fs.native-local.enabled=true',
    'local.location=/',
  ].join('\n')}\n`;
}

/**
 * JVM options: a small heap, UTC like Athena, and the flags Trino's own launcher passes. The tests'
 * queries are tiny and each is planned and compiled once: the C1 compiler alone (TieredStopAtLevel=1)
 * started 4 s sooner and used 28% less CPU over the KPI queries here, with the same wall time.
 */
export function jvmOptions(heap: string): string[] {
  return [
    `-Xmx${heap}`, '-XX:TieredStopAtLevel=1', '-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError', '-XX:+EnableDynamicAgentLoading',
    '--enable-native-access=ALL-UNNAMED', '-Djdk.attach.allowAttachSelf=true', '-Dfile.encoding=UTF-8', '-Duser.timezone=UTC',
  ];
}
