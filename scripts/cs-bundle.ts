// Bundles the cs Lambda handler into one ES module for the container image (docker/cs.Dockerfile).
// The packages docker/cs-runtime/package.json lists (native addons) stay external: the image installs
// them beside the bundle, so this list and the image's node_modules cannot drift apart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

export const CS_BUNDLE = 'services/cs/dist/handler.mjs';
export const CS_RUNTIME_PACKAGE = 'docker/cs-runtime/package.json';

/** The packages the bundle leaves to the image's node_modules. */
export function csRuntimeExternals(root = process.cwd()): string[] {
  const pkg = JSON.parse(readFileSync(resolve(root, CS_RUNTIME_PACKAGE), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(pkg.dependencies);
}

/** Builds the handler bundle at `outfile` (relative to the repo root `root`, or absolute). */
export async function buildCsBundle(root = process.cwd(), outfile = CS_BUNDLE): Promise<string> {
  await build({
    entryPoints: [resolve(root, 'services/cs/src/handler.ts')],
    outfile: resolve(root, outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: csRuntimeExternals(root),
    logLevel: 'warning',
    // CJS dependencies inside an ES module bundle still call require()
    banner: { js: "import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);" },
  });
  return resolve(root, outfile);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname ?? '', 'cs-bundle.ts')) {
  const out = await buildCsBundle();
  console.log(`cs-bundle: wrote ${out}`);
}
