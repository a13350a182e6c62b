// Bundles the cs Lambda into two ES modules for the container image (docker/cs.Dockerfile):
// handler.mjs (the Lambda entry: S3 event -> detection -> routing) and reader.mjs beside it (the
// document reader process the handler forks: pdf.js, rendering, OCR). The packages
// docker/cs-runtime/package.json lists stay external: native addons (onnxruntime-node,
// @napi-rs/canvas), and packages that read their own files at run time (pdfjs-dist: standard fonts,
// CMaps, wasm decoders; tesseract.js: its worker script and wasm core; @tesseract.js-data/eng: the
// English model). The image installs them beside the bundles, so the two cannot drift apart.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'esbuild';

export const CS_BUNDLE = 'services/cs/dist/handler.mjs';
export const CS_RUNTIME_PACKAGE = 'docker/cs-runtime/package.json';
/** The reader bundle, always written beside the handler bundle under this name. */
export const CS_READER_BUNDLE_NAME = 'reader.mjs';
/** The packages the bundles leave to the image's node_modules. */
export function csRuntimeExternals(root = process.cwd()): string[] {
  const pkg = JSON.parse(readFileSync(resolve(root, CS_RUNTIME_PACKAGE), 'utf8')) as { dependencies: Record<string, string> };
  return Object.keys(pkg.dependencies);
}

/** Builds the handler bundle at `outfile` (relative to the repo root `root`, or absolute) and the reader bundle beside it. */
export async function buildCsBundle(root = process.cwd(), outfile = CS_BUNDLE): Promise<string> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    format: 'esm' as const,
    external: csRuntimeExternals(root),
    logLevel: 'warning' as const,
    // CJS dependencies inside an ES module bundle still call require()
    banner: { js: "import { createRequire as __csCreateRequire } from 'node:module'; const require = __csCreateRequire(import.meta.url);" },
  };
  const handler = resolve(root, outfile);
  await Promise.all([
    build({
      ...common,
      entryPoints: [resolve(root, 'services/cs/src/handler.ts')],
      outfile: handler,
      // DocumentReader forks this file (see src/reader/DocumentReader.ts)
      define: { __CS_READER_ENTRY__: JSON.stringify(`./${CS_READER_BUNDLE_NAME}`) },
    }),
    build({ ...common, entryPoints: [resolve(root, 'services/cs/src/reader/readerMain.ts')], outfile: resolve(dirname(handler), CS_READER_BUNDLE_NAME) }),
  ]);
  return handler;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname ?? '', 'cs-bundle.ts')) {
  const out = await buildCsBundle();
  console.log(`cs-bundle: wrote ${out} and ${resolve(dirname(out), CS_READER_BUNDLE_NAME)} (${basename(out)} forks the reader)`);
}
