// Jest global setup of the Kafka tests: unless KAFKA_BROKERS names a broker, start a fresh local one
// (scripts/kafka/start.ts) on its own port. Plain ESM because jest loads it outside its transform.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TEST_KAFKA_PORT = '19092';
const root = fileURLToPath(new URL('../../../../../', import.meta.url));

export default function globalSetup() {
  if (process.env.KAFKA_BROKERS) return;
  execFileSync(`${root}node_modules/.bin/tsx`, ['scripts/kafka/stop.ts', '--port', TEST_KAFKA_PORT], { cwd: root, stdio: 'ignore' });
  execFileSync(`${root}node_modules/.bin/tsx`, ['scripts/kafka/start.ts', '--port', TEST_KAFKA_PORT, '--fresh'], { cwd: root, stdio: ['ignore', 2, 2] });
  // Test workers and the processes they spawn inherit these.
  process.env.KAFKA_BROKERS = `127.0.0.1:${TEST_KAFKA_PORT}`;
  process.env.SFC_TEST_KAFKA_PORT = TEST_KAFKA_PORT;
}
