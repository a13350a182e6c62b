// Assembles the cs image's /var/task without Docker, by reading docker/cs.Dockerfile: the build stage's
// RUN steps are replayed (each one this file knows; an unknown one fails, so the Dockerfile cannot
// change behind the test's back), then the final stage's COPY lines are applied, outside the
// repository and its node_modules, as the image would hold them. Used by the image layout test and by
// the emulated deploy, which runs the scan function from it on Node.js 22.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildCsBundle } from '../cs-bundle.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const DOCKERFILE = 'docker/cs.Dockerfile';

export interface AssembledImage {
  /** The image's /var/task. */
  taskRoot: string;
  /** ENV of the final stage, with ${LAMBDA_TASK_ROOT} standing for taskRoot. */
  env: Record<string, string>;
  /** CMD: the handler as Lambda's runtime reads it (`file.export`). */
  handler: string;
  /** Bytes under taskRoot (what the image adds to the base image). */
  bytes: number;
}

interface Instruction {
  op: string;
  args: string;
}

/** Instructions per stage, continuation lines joined, comments dropped. */
export function dockerStages(text: string): Instruction[][] {
  const joined = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: Instruction[][] = [];
  for (const line of joined) {
    const [op = '', ...rest] = line.split(/\s+/);
    if (op.toUpperCase() === 'FROM') stages.push([]);
    stages.at(-1)?.push({ op: op.toUpperCase(), args: rest.join(' ') });
  }
  return stages;
}

/** The build stage's RUN steps this assembler can replay, keyed by their exact command. */
const REPLAYS: Record<string, (root: string, buildDir: string, log: (s: string) => void) => Promise<void>> = {
  // The repository's own node_modules stands in for the build stage's: it only serves the bundler.
  'ONNXRUNTIME_NODE_INSTALL=skip npm ci --ignore-scripts --no-audit --no-fund': async () => {},
  'npx tsx scripts/cs-bundle.ts': async (root, buildDir) => {
    await buildCsBundle(root, join(buildDir, 'services/cs/dist/handler.mjs'));
  },
  'sh docker/cs-runtime/install.sh': async (root, buildDir, log) => {
    const dir = join(buildDir, 'docker/cs-runtime');
    mkdirSync(dir, { recursive: true });
    for (const f of ['package.json', 'package-lock.json', 'install.sh']) cpSync(join(root, 'docker/cs-runtime', f), join(dir, f));
    log('installing the image runtime packages (docker/cs-runtime/install.sh)');
    execFileSync('sh', [join(dir, 'install.sh')], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, npm_config_prefer_offline: 'true' } });
  },
};

function duBytes(path: string): number {
  return Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
}

/** Builds the image's /var/task under `workDir` (which must lie outside the repository). */
export async function assembleCsImage(workDir: string, { root = ROOT, log = (_: string) => {} } = {}): Promise<AssembledImage> {
  if (resolve(workDir).startsWith(`${resolve(root)}/`)) throw new Error(`assembleCsImage: ${workDir} is inside the repository; its node_modules would hide what the image lacks`);
  const stages = dockerStages(readFileSync(join(root, DOCKERFILE), 'utf8'));
  if (stages.length !== 2) throw new Error(`${DOCKERFILE}: expected a build stage and a final stage, found ${stages.length} stages`);
  const [build, final] = stages as [Instruction[], Instruction[]];
  const buildDir = join(workDir, 'build-src'); // the build stage's WORKDIR /src
  for (const { op, args } of build) {
    if (op !== 'RUN') continue;
    const replay = REPLAYS[args];
    if (!replay) throw new Error(`${DOCKERFILE}: the image assembler does not know how to replay "RUN ${args}"; teach scripts/cs-image/assemble.ts`);
    await replay(root, buildDir, log);
  }
  const taskRoot = join(workDir, 'var/task');
  mkdirSync(taskRoot, { recursive: true });
  const env: Record<string, string> = {};
  let handler = '';
  for (const { op, args } of final) {
    if (op === 'COPY') copy(args, root, buildDir, taskRoot);
    else if (op === 'ENV') for (const m of args.matchAll(/(\w+)=(\S+)/g)) env[m[1]!] = m[2]!.replaceAll('${LAMBDA_TASK_ROOT}', taskRoot).replaceAll('/var/task', taskRoot);
    else if (op === 'CMD') handler = (JSON.parse(args) as string[])[0] ?? '';
    else if (op !== 'FROM') throw new Error(`${DOCKERFILE}: final stage instruction ${op} is not modelled by scripts/cs-image/assemble.ts`);
  }
  if (!handler) throw new Error(`${DOCKERFILE}: no CMD in the final stage`);
  return { taskRoot, env, handler, bytes: duBytes(taskRoot) };
}

/** `COPY [--from=build] <src>... <dest>` into taskRoot (dest under ${LAMBDA_TASK_ROOT}). */
function copy(args: string, root: string, buildDir: string, taskRoot: string): void {
  const parts = args.split(/\s+/);
  const fromBuild = parts[0] === '--from=build';
  const paths = fromBuild ? parts.slice(1) : parts;
  const dest = paths.pop()!;
  if (!dest.startsWith('${LAMBDA_TASK_ROOT}')) throw new Error(`${DOCKERFILE}: COPY to ${dest}, outside \${LAMBDA_TASK_ROOT}, is not modelled`);
  const target = join(taskRoot, dest.slice('${LAMBDA_TASK_ROOT}'.length));
  for (const src of paths) {
    const from = fromBuild ? join(buildDir, src.replace(/^\/src\/?/, '')) : join(root, src);
    if (fromBuild && !src.startsWith('/src/')) throw new Error(`${DOCKERFILE}: COPY --from=build ${src}: only paths under the build stage's /src are modelled`);
    if (!existsSync(from)) throw new Error(`${DOCKERFILE}: COPY source ${src} does not exist (${from})`);
    const into = dest.endsWith('/') ? join(target, basename(from)) : target;
    mkdirSync(dest.endsWith('/') ? target : join(into, '..'), { recursive: true });
    cpSync(from, into, { recursive: statSync(from).isDirectory() });
  }
}
