import { readFileSync } from 'node:fs';
import { describeConfig } from '@sfc/shared';
import { csConfigSpec } from '../src/config.js';

describe('services/cs/README.md: configuration table', () => {
  it('lists every variable with its current default and meaning', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const missing = describeConfig(csConfigSpec).filter((row) => !readme.includes(row));
    expect(missing).toEqual([]);
  });
});
