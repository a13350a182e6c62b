import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const READMES = ['README.md', 'services/txn/README.md', 'services/cs/README.md', 'services/rpt/README.md', 'shared/README.md'];

/** The ensure-deps.sh groups a script installs before it runs (none: it installs nothing). */
const groupsOf = (name: string): string[] => /^bash scripts\/ensure-deps\.sh ([a-z0-9 ]+) && /.exec(scripts[name] ?? '')?.[1]!.split(' ') ?? [];

// Every documented command works on a fresh clone: it installs what it needs itself (issue 19, item 9:
// deploy:emulated failed with "Node.js 22 ... is not installed" until `npm test` had been run once).
describe('npm scripts', () => {
  it('every root `npm run` command the READMEs document exists and installs the Node dependencies first', () => {
    // (`npm run X -w <workspace>`: a workspace's own script, for a developer who has installed already)
    const documented = new Set(READMES.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(/npm run (?:-s )?([a-z][\w:-]*)(?![\w:-]| -w)/g)].map((m) => m[1]!)));
    expect([...documented].filter((name) => !(name in scripts))).toEqual([]);
    expect([...documented].filter((name) => name !== 'typecheck' && !groupsOf(name).includes('node'))).toEqual([]);
  });

  it('installs what each command needs beyond Node: Lambda\'s Node.js 22, moto and cfn-lint, Kafka, Trino', () => {
    const needs: Record<string, string[]> = {
      'deploy:emulated': ['node22', 'python', 'kafka'], // handlers on Node.js 22 in moto, a local broker
      package: ['python'], // cfn-lint on each template
      'train:fraud': ['python'], // LightGBM and the ONNX converter
      'kafka:start': ['kafka'],
      bench: ['kafka'], // `npm run bench -- kafka|all`
      'trino:start': ['trino'],
      test: ['test'],
    };
    const missing = Object.entries(needs).flatMap(([name, groups]) => groups.filter((g) => !groupsOf(name).includes(g)).map((g) => `${name}: ${g}`));
    expect(missing).toEqual([]);
  });
});
