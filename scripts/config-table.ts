// Prints the README's configuration table of a service from its config spec (the only definition).
import { describeConfig } from '@sfc/shared';
import { csConfigSpec } from '../services/cs/src/config.js';
import { txnConfigSpec } from '../services/txn/src/config.js';

const specs: Record<string, Parameters<typeof describeConfig>[0]> = { txn: txnConfigSpec, cs: csConfigSpec };
const name = process.argv[2] ?? 'txn';
const spec = specs[name];
if (!spec) {
  console.error(`unknown service ${name} (have: ${Object.keys(specs).join(', ')})`);
  process.exit(2);
}
console.log(['| variable | default | meaning |', '| --- | --- | --- |', ...describeConfig(spec)].join('\n'));
