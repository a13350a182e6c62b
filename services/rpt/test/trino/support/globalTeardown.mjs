// Stops the Trino the global setup started (and removes its instance folder); an external TRINO_URL is left alone.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

export default function globalTeardown() {
  if (!process.env.SFC_TEST_TRINO_PORT) return;
  execFileSync(`${root}node_modules/.bin/tsx`, ['scripts/trino/stop.ts', '--port', process.env.SFC_TEST_TRINO_PORT], { cwd: root, stdio: ['ignore', 2, 2] });
}
