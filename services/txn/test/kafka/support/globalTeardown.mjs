// Stops the broker the global setup started and removes its data; no process or data dir is left behind.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

export default function globalTeardown() {
  if (!process.env.SFC_TEST_KAFKA_PORT) return;
  execFileSync(`${root}node_modules/.bin/tsx`, ['scripts/kafka/stop.ts', '--port', process.env.SFC_TEST_KAFKA_PORT, '--wipe'], { cwd: root, stdio: ['ignore', 2, 2] });
}
