// After changing docker/cs-runtime/package.json: `cd docker/cs-runtime && npm install --package-lock-only
// --ignore-scripts`, then `npx tsx scripts/cs-image/syncRuntimeLock.ts`. npm resolves the image's
// transitive packages afresh; this pins every one the repository also installs to the repository's
// version, so the image runs what the tests ran (the image layout test fails while they differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNTIME_LOCK = resolve(ROOT, 'docker/cs-runtime/package-lock.json');
type Lock = { packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean; peer?: boolean }> };

const root = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as Lock;
const runtime = JSON.parse(readFileSync(RUNTIME_LOCK, 'utf8')) as Lock;
for (const [path, entry] of Object.entries(runtime.packages)) {
  const pinned = root.packages[path];
  if (!path || !pinned || pinned.version === entry.version) continue;
  const { dev: _d, devOptional: _o, peer: _p, ...rest } = pinned;
  runtime.packages[path] = rest;
  console.log(`${path}: ${entry.version} -> ${pinned.version}`);
}
writeFileSync(RUNTIME_LOCK, `${JSON.stringify(runtime, null, 2)}\n`);
