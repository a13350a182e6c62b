import { badRecords } from '../../src/local/badRecords.js';
import { simulatorFrom } from '../../src/context.js';
import { alertIds, createTopics, duplicates, lakeRows, pipelineEnv, produceMessages, produceTransactions, readDlq, removeRunData, sha256Of } from './support/pipelineRun.js';
import { expectedDlqError } from './support/expectations.js';
import { Worker, waitFor } from './support/workers.js';

const N = 100_000;

describe('Kafka pipeline: produce -> score -> act over a real broker, one process per function', () => {
  it(`takes ${N.toLocaleString('en-US')} transactions through exactly once; alerts equal blocks; the DLQ holds exactly the malformed records`, async () => {
    // Prepare
    const { env, config, groups } = pipelineEnv(3);
    await createTopics(config);
    // A plausible time: event_time's year must be 2000-2099, or the schema names event_time before the field each bad record breaks.
    const sample = simulatorFrom(config).generate(Date.parse('2026-11-20T00:00:00Z'), Date.parse('2026-11-20T01:00:00Z'), 1)[0]!.transaction as unknown as Record<string, unknown>;
    const bad = badRecords(12, sample, config.MAX_RECORD_BYTES);
    const scorer = new Worker('score', env, ['--group', groups.score]);
    const actor = new Worker('act', env, ['--group', groups.act]);
    // Act
    await produceMessages(config, bad.slice(0, 6));
    const ids = await produceTransactions(config, N);
    await produceMessages(config, bad.slice(6));
    await waitFor(
      () => scorer.sum('scored') + scorer.sum('deadLettered') >= N + bad.length && actor.sum('written') >= N,
      240_000,
      () => `scored ${scorer.sum('scored')}, dead-lettered ${scorer.sum('deadLettered')}, written ${actor.sum('written')}\n${scorer.lastError}\n${actor.lastError}`,
    );
    await Promise.all([scorer.stop(), actor.stop()]);
    const rows = lakeRows(config);
    const dlq = await readDlq(config, bad.length);
    // Assess: every event exactly once in the lake, nothing else there
    expect(rows).toHaveLength(N);
    expect(duplicates(rows.map((r) => r.event_id))).toEqual([]);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(ids));
    // Alerts: one per block
    const blocks = rows.filter((r) => r.outcome === 'block').map((r) => r.event_id).sort();
    expect(blocks.length).toBeGreaterThan(0);
    expect(alertIds(config).sort()).toEqual(blocks);
    // DLQ: exactly the injected records, each with the reason for its kind
    expect(dlq.map((d) => d.original_sha256).sort()).toEqual(bad.map(sha256Of).sort());
    for (const d of dlq) {
      const want = expectedDlqError[d.key!]!;
      expect({ key: d.key, kind: d.error.kind, field: d.error.field }).toEqual({ key: d.key, kind: want.kind, field: want.field });
      expect(d.error.reason).toMatch(want.reason);
      expect(d.source.topic).toBe(config.TRANSACTIONS_TOPIC);
    }
    expect(scorer.sum('deadLettered')).toBe(bad.length);
    removeRunData(config);
  }, 400_000);
});
