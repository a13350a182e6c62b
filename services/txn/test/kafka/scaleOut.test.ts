import { alertIds, createTopics, duplicates, lakeRows, pipelineEnv, produceTransactions, removeRunData } from './support/pipelineRun.js';
import { Worker, settled, waitFor } from './support/workers.js';

const N = 30_000;

describe('Kafka pipeline scale-out (real broker)', () => {
  it('two scorer processes in one group on a 6-partition topic both get partitions and together score everything once', async () => {
    // Prepare
    const { env, config, groups } = pipelineEnv(6);
    await createTopics(config);
    const scorers = [0, 1].map((i) => new Worker('score', env, ['--group', groups.score, '--instance', String(i)]));
    const actor = new Worker('act', env, ['--group', groups.act]);
    const assignment = (w: Worker) => [...w.lines].reverse().find((l) => l.assigned)?.assigned ?? [];
    await waitFor(() => scorers.every((w) => assignment(w).length > 0) && scorers.reduce((n, w) => n + assignment(w).length, 0) === 6, 90_000, () => scorers.map((w) => `${JSON.stringify(assignment(w))} ${w.lastError}`).join('\n'));
    // Act
    const ids = await produceTransactions(config, N);
    await waitFor(() => scorers.reduce((n, w) => n + w.sum('scored'), 0) >= N && actor.sum('written') >= N, 240_000, () => scorers.map((w) => w.sum('scored')).join(' + '));
    await settled([...scorers, actor]);
    await Promise.all([...scorers, actor].map((w) => w.stop()));
    // Assess
    const [a, b] = scorers.map(assignment);
    expect([...a!, ...b!].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(scorers.map((w) => w.sum('scored')).every((n) => n > 0)).toBe(true);
    expect(scorers[0]!.sum('scored') + scorers[1]!.sum('scored')).toBe(N);
    const rows = lakeRows(config);
    expect(duplicates(rows.map((r) => r.event_id))).toEqual([]);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(ids));
    expect(alertIds(config).sort()).toEqual(rows.filter((r) => r.outcome === 'block').map((r) => r.event_id).sort());
    removeRunData(config);
  }, 420_000);
});
