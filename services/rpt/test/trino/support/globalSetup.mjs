// Jest global setup of the Trino tests: unless TRINO_URL names a running Trino, start a fresh single-node one
// (scripts/trino/start.ts) on a free loopback port, owned by this jest process. Plain ESM: jest loads it untransformed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

export default function globalSetup() {
  if (process.env.TRINO_URL) return;
  const out = execFileSync(`${root}node_modules/.bin/tsx`, ['scripts/trino/start.ts', '--owner', String(process.pid)],
    { cwd: root, stdio: ['ignore', 'pipe', 2], encoding: 'utf8' });
  const url = /TRINO_URL=(\S+)/.exec(out)?.[1];
  if (!url) throw new Error(`scripts/trino/start.ts printed no TRINO_URL: ${out}`);
  // Test workers inherit these.
  process.env.TRINO_URL = url;
  process.env.SFC_TEST_TRINO_PORT = new URL(url).port;
}
