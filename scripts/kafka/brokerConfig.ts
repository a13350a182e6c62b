import { join } from 'node:path';

/** Where one local broker keeps its jars, data, log and pid: under the git-ignored `.cache/kafka`. */
export interface BrokerPaths {
  root: string;
  libs: string;
  home: string;
  data: string;
  properties: string;
  log: string;
  pid: string;
  /** Pid of the process the broker belongs to (a jest run), 0 for none: orphans are stopped on the next start. */
  owner: string;
}

export const KAFKA_VERSION = '3.9.2';

/** Paths of the broker listening on `port`; each port gets its own data so test and dev brokers can coexist. */
export function brokerPaths(repoRoot: string, port: number): BrokerPaths {
  const root = join(repoRoot, '.cache', 'kafka');
  const home = join(root, `broker-${port}`);
  return {
    root,
    libs: join(root, `libs-${KAFKA_VERSION}`),
    home,
    data: join(home, 'data'),
    properties: join(home, 'server.properties'),
    log: join(home, 'broker.log'),
    pid: join(home, 'broker.pid'),
    owner: join(home, 'owner.pid'),
  };
}

/**
 * A single-node KRaft broker (broker and controller in one process) on loopback. Replication factors
 * are 1 because there is one node; `group.initial.rebalance.delay.ms=0` so consumers start at once.
 */
export function serverProperties(p: BrokerPaths, port: number, controllerPort: number, partitions: number): string {
  return `${[
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${p.data}`,
    `num.partitions=${partitions}`,
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=6',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=4',
    'log.retention.hours=24',
    'log.segment.bytes=268435456',
  ].join('\n')}\n`;
}
