// Resolved by the esbuild plugin in services/rpt/esbuild-plugins.cjs to the text of Chart.js's minified
// UMD build, so the Lambda bundle carries the library without node_modules.
import source from 'inline-text:chart.js/dist/chart.umd.min.js';

/** Chart.js's minified UMD build, inlined into the bundle at build time. */
export async function chartLibraryBundled(): Promise<string> {
  return source;
}
