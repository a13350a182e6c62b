// npm run bench [-- txn|rules|backtest|entityState|alerts|cases|features|report|cs|kafka|all] (default: txn and entityState): benchmarks that print their numbers (never pass/fail).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const which = process.argv[2] ?? 'default';
const all = ['txn', 'rules', 'backtest', 'entityState', 'alerts', 'cases', 'features', 'report', 'cs', 'kafka'];
const names = which === 'all' ? all : which === 'default' ? ['txn', 'entityState'] : [which];
for (const name of names) {
  const file = `scripts/bench/${name}.ts`;
  if (!existsSync(file)) {
    console.error(`no benchmark "${name}" (have: ${all.filter((n) => existsSync(`scripts/bench/${n}.ts`)).join(', ')}, all)`);
    process.exit(2);
  }
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync('npx', ['tsx', file, ...process.argv.slice(3)], { stdio: 'inherit', env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc` } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
