import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURE = join(import.meta.dirname, 'fixtures/writeLines.ts');
const run = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', FIXTURE, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const expected = (n: number) => Array.from({ length: n }, (_, i) => `${i},${'x'.repeat(60)}`).join('\n') + '\n';
// line count and equality, so a failure says how many lines arrived instead of printing megabytes
const summary = (text: string, n: number) => ({ lines: text.split('\n').length - 1, equal: text === expected(n) });

describe('Class: LineWriter', () => {
  it('writes every line to a pipe that takes less than a whole buffer at a time (stdout of a child process)', () => {
    // 200,000 lines, 12 MB: several 1 MiB flushes, each larger than a pipe accepts at once
    expect(summary(run('200000'), 200_000)).toEqual({ lines: 200_000, equal: true });
  });

  it('writes every line to a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lines-')), 'out.csv');
    run('50000', file);
    expect(summary(readFileSync(file, 'utf8'), 50_000)).toEqual({ lines: 50_000, equal: true });
  });
});
