import { readFileSync } from 'node:fs';
import { describeConfig } from '@sfc/shared';
import { txnConfigSpec } from '../src/config.js';

describe('services/txn/README.md: configuration table', () => {
  it('lists every variable with its current default and meaning', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const missing = describeConfig(txnConfigSpec).filter((row) => !readme.includes(row));
    expect(missing).toEqual([]);
  });
});
