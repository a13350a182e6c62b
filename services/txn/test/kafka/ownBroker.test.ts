import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokerPaths } from '../../../../scripts/kafka/brokerConfig.js';
import { managedBrokerPort } from './support/testBroker.js';
import { testKafka, unique } from './support/kafka.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SUPPORT = join(ROOT, 'services/txn/test/kafka/support');

// Two test runs at once (CI shards, two worktrees) each get their own broker: the global setup picks a
// free port and a fresh data dir, and neither stops nor wipes a broker it did not start.
describe('Kafka tests: the broker of a run', () => {
  const port = managedBrokerPort();
  const ownBroker = port === undefined ? it.skip : it; // KAFKA_BROKERS given: no broker of ours

  ownBroker('is owned by this run, and a second run\'s setup and teardown leave it running', async () => {
    // Prepare: a topic on this run's broker
    const paths = brokerPaths(ROOT, port!);
    expect(Number(readFileSync(paths.owner, 'utf8'))).toBeGreaterThan(0);
    const topic = unique('own');
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
      // Act: another run's global setup and teardown, in a process of its own without KAFKA_BROKERS
      const env = { ...process.env, KAFKA_BROKERS: '', SFC_TEST_KAFKA_PORT: '' };
      const other = spawnSync(process.execPath, ['--input-type=module', '-e', `
        const setup = (await import(${JSON.stringify(join(SUPPORT, 'globalSetup.mjs'))})).default;
        const teardown = (await import(${JSON.stringify(join(SUPPORT, 'globalTeardown.mjs'))})).default;
        delete process.env.KAFKA_BROKERS;
        setup();
        console.log('OTHER=' + process.env.SFC_TEST_KAFKA_PORT);
        teardown();`], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
      // Assess: it ran on another port, removed its own data, and ours still has the topic
      expect([other.status, other.stderr.slice(-2000)]).toEqual([0, expect.anything()]);
      const otherPort = Number(/OTHER=(\d+)/.exec(other.stdout)?.[1]);
      expect(otherPort).toBeGreaterThan(0);
      expect(otherPort).not.toBe(port);
      expect(existsSync(brokerPaths(ROOT, otherPort).home)).toBe(false);
      expect(await admin.listTopics()).toContain(topic);
    } finally {
      await admin.disconnect();
    }
  }, 300_000);
});
