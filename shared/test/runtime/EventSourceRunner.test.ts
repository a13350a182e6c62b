import { EventSourceRunner, MemoryRecordSource, MemoryTopics, fromMskEvent, type MskEvent } from '../../src/index.js';

async function topicWith(n: number): Promise<MemoryTopics> {
  const topics = new MemoryTopics(1);
  await topics.ensureTopics([{ name: 'in', partitions: 2 }]);
  await topics.send('in', Array.from({ length: n }, (_, i) => ({ key: `k${i % 5}`, value: JSON.stringify({ i }), headers: { trace: `t${i}` } })));
  return topics;
}

describe('Runtime: EventSourceRunner', () => {
  it('delivers MSK events in batches and commits only after the handler returns', async () => {
    // Prepare
    const topics = await topicWith(25);
    const seen: MskEvent[] = [];
    const runner = new EventSourceRunner({
      name: 'test', source: new MemoryRecordSource(topics, 'g', 'in'), batchSize: 10, maximumBatchingWindowMs: 0,
      handler: async (event: MskEvent) => {
        seen.push(event);
        expect(topics.lag('g', 'in')).toBeGreaterThan(0);
      },
    });
    // Act
    const total = await runner.drain();
    // Assess
    expect(total).toBe(25);
    expect(topics.lag('g', 'in')).toBe(0);
    expect(seen.every((e) => e.eventSource === 'aws:kafka')).toBe(true);
    const first = Object.values(seen[0]!.records)[0]![0]!;
    const i = JSON.parse(Buffer.from(first.value, 'base64').toString()).i as number;
    expect(first.headers).toEqual([{ trace: [...Buffer.from(`t${i}`)] }]);
    const values = seen.flatMap((e) => fromMskEvent(e)).map((r) => JSON.parse(r.value.toString()).i as number);
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('retries a failed batch with the same records and commits nothing until it succeeds', async () => {
    const topics = await topicWith(4);
    const attempts: number[] = [];
    const runner = new EventSourceRunner({
      name: 'test', source: new MemoryRecordSource(topics, 'g', 'in'), batchSize: 100, maximumBatchingWindowMs: 0,
      handler: async (event: MskEvent) => {
        attempts.push(fromMskEvent(event).length);
        if (attempts.length < 3) {
          expect(topics.lag('g', 'in')).toBe(4);
          throw new Error('transient');
        }
      },
    });
    await runner.drain();
    expect(attempts).toEqual([4, 4, 4]);
    expect(topics.lag('g', 'in')).toBe(0);
  });

  it('gives up after maxAttempts, leaving offsets uncommitted', async () => {
    const topics = await topicWith(3);
    const runner = new EventSourceRunner({
      name: 'test', source: new MemoryRecordSource(topics, 'g', 'in'), batchSize: 100, maximumBatchingWindowMs: 0, maxAttempts: 2,
      handler: async () => { throw new Error('permanent'); },
    });
    await expect(runner.drain()).rejects.toThrow(/failed 2 times/);
    expect(topics.lag('g', 'in')).toBe(3);
  });
});
