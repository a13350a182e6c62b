// Jest global setup of the Kafka tests: unless KAFKA_BROKERS names a broker, start a fresh local one
// (scripts/kafka/start.ts) on a free loopback port with its own data dir, owned by this jest process, so
// that two runs at once never share or stop each other's broker. Plain ESM: jest loads it untransformed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

export default function globalSetup() {
  if (process.env.KAFKA_BROKERS) return;
  const out = execFileSync(`${root}node_modules/.bin/tsx`, ['scripts/kafka/start.ts', '--port', '0', '--owner', String(process.pid)],
    { cwd: root, stdio: ['ignore', 'pipe', 2], encoding: 'utf8' });
  const brokers = /KAFKA_BROKERS=(\S+)/.exec(out)?.[1];
  if (!brokers) throw new Error(`scripts/kafka/start.ts printed no KAFKA_BROKERS: ${out}`);
  // Test workers and the processes they spawn inherit these.
  process.env.KAFKA_BROKERS = brokers;
  process.env.SFC_TEST_KAFKA_PORT = brokers.slice(brokers.lastIndexOf(':') + 1);
}
