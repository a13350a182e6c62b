import { EventSourceRunner, fromMskEvent, type MskEvent } from '@sfc/shared';
import { KafkaRecordSource } from '@sfc/shared/runtime/KafkaRecordSource.js';
import { committedOffsets, testKafka, testTopics, unique } from './support/kafka.js';

const kafka = testKafka();
const topics = testTopics();
afterAll(() => topics.close());

async function topicWith(partitions: number, n: number, at = 1_700_000_000_000) {
  const topic = unique('runner');
  await topics.ensureTopics([{ name: topic, partitions }]);
  await topics.send(topic, Array.from({ length: n }, (_, i) => ({ key: `entity-${i % 4}`, value: JSON.stringify({ i }), headers: { trace: `t-${i}` }, timestamp: at + i })));
  return topic;
}

describe('Class: KafkaRecordSource (real broker)', () => {
  it('builds the exact MSK event: records keyed topic-partition, base64 key and value, headers, timestamps', async () => {
    // Prepare
    const topic = await topicWith(2, 8);
    const source = new KafkaRecordSource({ kafka, groupId: unique('g'), topic });
    const events: MskEvent[] = [];
    const runner = new EventSourceRunner({ name: 't', source, batchSize: 100, maximumBatchingWindowMs: 300, handler: async (e: MskEvent) => void events.push(e) });
    // Act
    let handled = 0;
    while (handled < 8) handled += await runner.runOnce();
    await source.stop();
    // Assess
    const all = events.flatMap((e) => Object.entries(e.records));
    expect(events[0]!.eventSource).toBe('aws:kafka');
    for (const [key, records] of all) {
      for (const r of records) {
        expect(key).toBe(`${topic}-${r.partition}`);
        const i = (JSON.parse(Buffer.from(r.value, 'base64').toString('utf8')) as { i: number }).i;
        expect(Buffer.from(r.key!, 'base64').toString('utf8')).toBe(`entity-${i % 4}`);
        expect(r.headers).toEqual([{ trace: [...Buffer.from(`t-${i}`)] }]);
        expect(r.timestamp).toBe(1_700_000_000_000 + i);
        expect(r.timestampType).toBe('CREATE_TIME');
        expect(typeof r.offset).toBe('number');
      }
    }
    expect(events.flatMap((e) => fromMskEvent(e)).map((r) => JSON.parse(r.value.toString()).i).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Each entity's records stay on one partition, in order.
    const partitionOf = new Map<string, Set<number>>();
    for (const r of events.flatMap((e) => fromMskEvent(e))) (partitionOf.get(r.key!) ?? partitionOf.set(r.key!, new Set()).get(r.key!)!).add(r.partition);
    for (const parts of partitionOf.values()) expect(parts.size).toBe(1);
  });

  it('commits offsets only after the handler returned, and retries a failed batch with the same records', async () => {
    // Prepare
    const topic = await topicWith(1, 5);
    const groupId = unique('g');
    const source = new KafkaRecordSource({ kafka, groupId, topic });
    const seen: string[][] = [];
    const committedDuringHandler: number[] = [];
    const runner = new EventSourceRunner({
      name: 't', source, batchSize: 100, maximumBatchingWindowMs: 300,
      handler: async (e: MskEvent) => {
        seen.push(fromMskEvent(e).map((r) => r.offset));
        committedDuringHandler.push((await committedOffsets(kafka, groupId, topic)).get(0)!);
        if (seen.length === 1) throw new Error('first attempt fails');
      },
    });
    // Act
    const handled = await runner.runOnce();
    const after = await committedOffsets(kafka, groupId, topic);
    await source.stop();
    // Assess
    expect(handled).toBe(5);
    expect(seen).toEqual([['0', '1', '2', '3', '4'], ['0', '1', '2', '3', '4']]);
    expect(committedDuringHandler).toEqual([-1, -1]);
    expect(after.get(0)).toBe(5);
  });

  it('re-delivers an uncommitted batch to the next consumer of the group, from the committed offset', async () => {
    // Prepare
    const topic = await topicWith(1, 30);
    const groupId = unique('g');
    const first = new KafkaRecordSource({ kafka, groupId, topic });
    const a = await first.poll(10, 0);
    await first.commit(a);
    const b = await first.poll(10, 0);
    // Act: the consumer goes away with batch b handled but not committed
    await first.stop();
    const second = new KafkaRecordSource({ kafka, groupId, topic });
    const c = await second.poll(10, 0);
    await second.stop();
    // Assess
    expect(a.map((r) => r.offset)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(b[0]!.offset).toBe('10');
    expect(c[0]!.offset).toBe('10');
  });

  it('returns a full batch at once, and a partial one after the batching window', async () => {
    // Prepare
    const topic = await topicWith(1, 13);
    const source = new KafkaRecordSource({ kafka, groupId: unique('g'), topic });
    // Act
    const full = await source.poll(10, 5_000);
    await source.commit(full);
    const t0 = Date.now();
    const partial = await source.poll(10, 400);
    const waited = Date.now() - t0;
    await source.commit(partial);
    await source.stop();
    // Assess
    expect(full).toHaveLength(10);
    expect(partial).toHaveLength(3);
    expect(waited).toBeGreaterThanOrEqual(380);
    expect(waited).toBeLessThan(4_000);
  });
});
