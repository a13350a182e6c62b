import { killBroker, startBroker } from '../../../../scripts/kafka/broker.js';
import { alertIds, countRecords, createTopics, duplicates, lakeObjects, lakeRows, pipelineEnv, produceTransactions, readDlq, removeRunData, uncommittedObjects } from './support/pipelineRun.js';
import { testKafka } from './support/kafka.js';
import { managedBrokerPort } from './support/testBroker.js';
import { Worker, settled, waitFor } from './support/workers.js';

const N = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The lake holds every produced event exactly once; every block has exactly one alert (act's alert ledger). */
function expectExactlyOnce(config: ReturnType<typeof pipelineEnv>['config'], ids: string[]): void {
  const rows = lakeRows(config);
  expect(duplicates(rows.map((r) => r.event_id))).toEqual([]);
  expect(rows).toHaveLength(ids.length);
  expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(ids));
  const blocks = new Set(rows.filter((r) => r.outcome === 'block').map((r) => r.event_id));
  expect(new Set(alertIds(config))).toEqual(blocks);
  expect(duplicates(alertIds(config))).toEqual([]);
}

const lakeCount = (config: ReturnType<typeof pipelineEnv>['config']) => new Set(lakeRows(config).map((r) => r.event_id)).size;

describe('Kafka pipeline under faults (real broker)', () => {
  const port = managedBrokerPort();
  // Killing the broker needs one this run started; against an external KAFKA_BROKERS this test is skipped.
  (port ? it : it.skip)('kill -9 of the broker mid-stream and a restart: still exactly once in the lake, nothing missing', async () => {
    // Prepare
    const { env, config, groups } = pipelineEnv(3);
    await createTopics(config);
    const scorer = new Worker('score', env, ['--group', groups.score]);
    const actor = new Worker('act', env, ['--group', groups.act]);
    // Act: half the input flows; the broker dies; the other half is produced while it is down (the
    // producer retries) and it restarts
    const first = await produceTransactions(config, N / 2, Date.parse('2026-11-20T12:00:00Z'));
    await waitFor(() => actor.sum('written') >= 3_000, 120_000, () => `act wrote ${actor.sum('written')}\n${actor.lastError}`);
    await killBroker(port!);
    const killedAt = actor.sum('written');
    const second = produceTransactions(config, N / 2, Date.parse('2026-11-20T13:00:00Z'));
    await sleep(2_000);
    await startBroker({ port: port! });
    const ids = [...first, ...(await second)];
    await waitFor(() => lakeCount(config) >= N, 240_000, () => `lake has ${lakeCount(config)} of ${N}\n${scorer.lastError}\n${actor.lastError}`, 2_000);
    await settled([scorer, actor]);
    await Promise.all([scorer.stop(), actor.stop()]);
    // Assess
    expect(killedAt).toBeLessThan(N);
    expectExactlyOnce(config, ids);
    expect(await readDlq(config, 0, 2_000)).toEqual([]);
    removeRunData(config);
  }, 420_000);

  it('kill -9 of the act consumer in the middle of a batch and a restart: still exactly once, nothing missing', async () => {
    // Prepare
    const { env, config, groups } = pipelineEnv(3);
    await createTopics(config);
    const kafka = testKafka();
    const scorer = new Worker('score', env, ['--group', groups.score]);
    const ids = await produceTransactions(config, N);
    // act starts on a full backlog, so that there is always a next batch to be killed in
    await waitFor(() => scorer.sum('scored') >= N, 120_000, () => `scored ${scorer.sum('scored')}\n${scorer.lastError}`);
    const actArgs = ['--group', groups.act, '--batch-size', '2000'];
    // Act: act kills itself (SIGKILL) with its 3rd batch written to the lake and alerted on but its
    // offsets not committed, i.e. in the middle of a batch. (Killing it from outside at a moment the
    // lake showed such a batch raced act: once alerts went out per batch, that moment got too short
    // to catch reliably.) The check after the kill confirms the state.
    const crashing = new Worker('act', env, [...actArgs, '--crash-before-commit', '3']);
    await crashing.exited;
    const admin = kafka.admin();
    await admin.connect();
    const committed = new Map((await admin.fetchOffsets({ groupId: groups.act, topics: [config.PROCESSED_TOPIC] }))[0]!.partitions.map((p) => [p.partition, Number(p.offset)]));
    await admin.disconnect();
    const leftUncommitted = uncommittedObjects(lakeObjects(config), committed).length;
    const actor = new Worker('act', env, actArgs);
    await waitFor(() => lakeCount(config) >= N, 240_000, () => `lake has ${lakeCount(config)} of ${N}\n${actor.lastError}`, 2_000);
    await settled([scorer, actor]);
    await Promise.all([scorer.stop(), actor.stop()]);
    // Assess
    expect(crashing.lines.filter((l) => l.written !== undefined)).toHaveLength(2);
    expect(leftUncommitted).toBeGreaterThan(0);
    expectExactlyOnce(config, ids);
    removeRunData(config);
  }, 420_000);

  it('kill -9 of the scorer between producing and committing its transaction, and a restart: aborted output never reaches the lake', async () => {
    // Prepare
    const { env, config, groups } = pipelineEnv(3);
    await createTopics(config);
    const scoreArgs = ['--group', groups.score, '--instance', '0'];
    const actor = new Worker('act', env, ['--group', groups.act]);
    const ids = await produceTransactions(config, N);
    // Act: the scorer dies (SIGKILL) with its 3rd batch produced but not committed; its successor
    // (same transactional id) dies the same way at its 2nd batch; the third one runs to the end.
    for (const crashAt of ['3', '2']) {
      const crashing = new Worker('score', env, [...scoreArgs, '--crash-before-commit', crashAt]);
      await crashing.exited;
    }
    const scorer = new Worker('score', env, scoreArgs);
    await waitFor(() => lakeCount(config) >= N, 240_000, () => `lake has ${lakeCount(config)} of ${N}\n${scorer.lastError}\n${actor.lastError}`, 2_000);
    await settled([scorer, actor]);
    await Promise.all([scorer.stop(), actor.stop()]);
    const everything = await countRecords(config.PROCESSED_TOPIC, true);
    const committed = await countRecords(config.PROCESSED_TOPIC, false);
    // Assess: the crashed attempts left aborted scored records in the log ...
    expect(committed).toBe(N);
    expect(everything).toBeGreaterThan(N);
    // ... and none of them reached the lake
    expectExactlyOnce(config, ids);
    removeRunData(config);
  }, 420_000);
});
