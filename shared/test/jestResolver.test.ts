import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The jest configuration maps `./x.js` to `./x.ts` for our sources only: a dependency's own import of
// `metadata.max.json.js` (libphonenumber-js) must stay a JS module, not become a JSON import that jest
// warns about on every load (hundreds of warnings in `npm test` that buried the real output).
describe('Jest resolver', () => {
  it('loads libphonenumber-js under jest without a JSON import warning, and our .js imports of .ts still resolve', () => {
    // Act: the phone recognizer's tests, in a jest of their own (its stderr is what `npm test` prints)
    const run = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js',
      'services/cs/test/recognizers/phone.test.ts', '--selectProjects', 'cs', '--ci'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    // Assess
    expect([run.status, run.stderr.slice(-1500)]).toEqual([0, expect.stringMatching(/Tests:\s+\d+ passed/)]);
    expect(run.stderr).not.toMatch(/import attribute|metadata\.max\.json"/);
  });
});
