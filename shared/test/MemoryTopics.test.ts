import { createRequire } from 'node:module';
import { MemoryTopics, partitionFor, murmur2 } from '../src/index.js';

// kafkajs's own murmur2 (the Java client's), to prove the embedded log partitions as Kafka does.
const kafkajsMurmur2 = createRequire(import.meta.url)('kafkajs/src/producer/partitioners/default/murmur2.js') as (key: Buffer) => number;

describe('Adapter: MemoryTopics', () => {
  it.each(['', 'a', 'ab', 'abc', 'cust-0000042', 'entity with spaces', 'ünïcødé'])('hashes %p exactly as kafkajs does', (key) => {
    expect(murmur2(Buffer.from(key))).toBe(kafkajsMurmur2(Buffer.from(key)));
  });

  it('keeps one key on one partition, in order, with increasing offsets', async () => {
    const topics = new MemoryTopics(1, 1000);
    await topics.ensureTopics([{ name: 't', partitions: 6 }]);
    await topics.send('t', [1, 2, 3].map((i) => ({ key: 'cust-1', value: `v${i}` })));
    const p = partitionFor('cust-1', 6);
    const records = topics.fetch('g', 't', p, 10);
    expect(records.map((r) => [r.value.toString(), r.offset])).toEqual([['v1', '1000'], ['v2', '1001'], ['v3', '1002']]);
  });

  it('tracks consumer-group commits and lag per group', async () => {
    const topics = new MemoryTopics(1);
    await topics.send('t', [{ key: null, value: 'a' }, { key: null, value: 'b' }]);
    expect(topics.lag('g1', 't')).toBe(2);
    topics.commit('g1', 't', 0, 1);
    expect(topics.fetch('g1', 't', 0, 10).map((r) => r.value.toString())).toEqual(['b']);
    expect(topics.lag('g1', 't')).toBe(1);
    expect(topics.lag('g2', 't')).toBe(2);
  });
});
