// npm run reidentify: the one way back from a lake token to a person, explicit and audited.
//   -- --kind email --value jane@example.com --reason CASE-42          which tokens (every key version) this value has
//   -- --kind email --token tok:v1:... --candidates file --reason ...  which candidate values (one a line) a token stands for
//   -- --rotate-key                                                     local key file only: add a version, make it current
// Needs REIDENTIFY_ENABLED=true and the keys (PSEUDONYM_KEYS ...); every request is audited first.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { commonConfig, ConfigError, FileKeySource, keySourceFrom, loadConfig, objectStoreFrom, Pseudonymiser, pseudonymConfig, reidentify, reidentifyConfig, SfcError } from '@sfc/shared';

const { values } = parseArgs({ options: {
  kind: { type: 'string' }, value: { type: 'string' }, token: { type: 'string' }, candidates: { type: 'string' }, reason: { type: 'string', default: '' },
  'rotate-key': { type: 'boolean', default: false },
} });
try {
  const c = loadConfig({ ...commonConfig, ...pseudonymConfig, ...reidentifyConfig });
  const source = await keySourceFrom(c);
  if (values['rotate-key']) {
    if (!(source instanceof FileKeySource)) throw new ConfigError('PSEUDONYM_KEYS', '--rotate-key rotates the local key file only; rotate the secret as services/txn/README.md says');
    console.log(`key ${await source.rotate()} is now current in ${source.where}`);
    process.exit(0);
  }
  if (!values.kind || (values.value === undefined) === (values.token === undefined)) {
    console.error('usage: npm run reidentify -- --kind <name|email|phone|street|ip|custom> (--value V | --token T --candidates FILE) --reason REF');
    process.exit(2);
  }
  const deps = {
    pseudonymiser: new Pseudonymiser(await source.load()), store: await objectStoreFrom(c), auditBucket: c.REIDENTIFY_AUDIT_BUCKET,
    enabled: c.REIDENTIFY_ENABLED, who: process.env.SFC_OPERATOR || userInfo().username,
  };
  const result = values.value !== undefined
    ? await reidentify({ action: 'token', kind: values.kind, value: values.value, reason: values.reason }, deps)
    : await reidentify({ action: 'match', kind: values.kind, token: values.token!, reason: values.reason,
      candidates: values.candidates ? readFileSync(values.candidates, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [] }, deps);
  console.log(JSON.stringify(result, null, 2));
} catch (err) {
  if (err instanceof SfcError) {
    console.error(`error: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
