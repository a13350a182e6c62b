import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Chart.js's minified UMD build, read from node_modules (its package exports hide the dist path, so resolve the package). */
export async function chartLibraryFromNodeModules(): Promise<string> {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return readFile(join(dirname(main), 'chart.umd.min.js'), 'utf8');
}
