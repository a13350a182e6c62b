import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../shared/test/support/serverless.js';

describe('npm start: configuration errors', () => {
  it.each([
    ['TOPIC_PARTITIONS', '0'],
    ['TOPICS', 'rabbitmq'],
    ['BLOCK_THRESHOLD', '1001'],
  ])('fails fast with one line naming %s=%s and exit code 2', (variable, value) => {
    // A clean environment: no broker address from other test projects, and a throwaway data folder.
    const { KAFKA_BROKERS: _broker, TOPICS: _topics, ...env } = process.env;
    const dataDir = mkdtempSync(join(tmpdir(), 'start-config-'));
    const run = spawnSync('npx', ['tsx', 'scripts/start.ts', '--count', '10'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...env, DATA_DIR: dataDir, [variable]: value }, timeout: 60_000 });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^error: configuration ${variable}: invalid value "${value}"`));
  });
});
