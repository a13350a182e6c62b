// Bundles the cs Lambda into two ES modules for the container image (docker/cs.Dockerfile):
// handler.mjs (the Lambda entry: S3 event -> detection -> routing) and reader.mjs beside it (the
// document reader process the handler forks: pdf.js, rendering, OCR). The packages
// docker/cs-runtime/package.json lists (native addons) stay external: the image installs them beside
// the bundle, so this list and the image's node_modules cannot drift apart. The reader also leaves
// out the packages that read their own files at run time (READER_EXTERNALS), which the image must
// install the same way.
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'esbuild';

export const CS_BUNDLE = 'services/cs/dist/handler.mjs';
export const CS_RUNTIME_PACKAGE = 'docker/cs-runtime/package.json';
/** The reader bundle, always written beside the handler bundle under this name. */
export const CS_READER_BUNDLE_NAME = 'reader.mjs';
/**
 * pdfjs-dist reads its standard fonts, CMaps, ICC profiles and wasm decoders from its package folder;
 * tesseract.js starts its worker script and tesseract.js-core's wasm from theirs; the English model is
 * read from @tesseract.js-data/eng. @napi-rs/canvas is a native addon (already a runtime package).
 */
export const READER_EXTERNALS = ['pdfjs-dist', '@napi-rs/canvas', 'tesseract.js', '@tesseract.js-data/eng'];

/** The packages the bundles leave to the image's node_modules. */
export function csRuntimeExternals(root = process.cwd()): string[] {
  const pkg = JSON.parse(readFileSync(resolve(root, CS_RUNTIME_PACKAGE), 'utf8')) as { dependencies: Record<string, string> };
  return [...new Set([...Object.keys(pkg.dependencies), ...READER_EXTERNALS])];
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
