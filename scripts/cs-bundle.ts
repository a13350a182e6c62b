// Bundles the cs Lambda handler into one ES module for the container image (docker/cs.Dockerfile).
// onnxruntime-node stays external: it is a native addon installed into the image's node_modules.
import { resolve } from 'node:path';
import { build } from 'esbuild';

export const CS_BUNDLE = 'services/cs/dist/handler.mjs';

/** Builds the handler bundle at `outfile` (relative to the repo root `root`). */
export async function buildCsBundle(root = process.cwd(), outfile = CS_BUNDLE): Promise<string> {
  const external = ['onnxruntime-node'];
  await build({
    entryPoints: [resolve(root, 'services/cs/src/handler.ts')],
    outfile: resolve(root, outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external,
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
