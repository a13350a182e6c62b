import type { KafkaMessage } from 'kafkajs';
import { byTopic } from '../../src/adapters/KafkaTransactions.js';
import { chunkBySize, toKafkaMessages, toTopicRecord } from '../../src/adapters/KafkaMessages.js';

const message = (over: Partial<KafkaMessage>): KafkaMessage =>
  ({ key: Buffer.from('k'), value: Buffer.from('v'), timestamp: '1700000000000', attributes: 0, offset: '41', headers: {}, ...over }) as KafkaMessage;

describe('Adapter: KafkaMessages', () => {
  it.each([
    ['a Buffer header', { h: Buffer.from('x') }, { h: 'x' }],
    ['a string header', { h: 'y' }, { h: 'y' }],
    ['a repeated header (the last value wins)', { h: [Buffer.from('1'), Buffer.from('2')] }, { h: '2' }],
    ['an undefined header (dropped)', { h: undefined }, {}],
  ])('carries %s into the TopicRecord', (_, headers, expected) => {
    // Act
    const r = toTopicRecord('t', 2, message({ headers }));
    // Assess
    expect(r.headers).toEqual(expected);
  });

  it('keeps offset, timestamp, key and value; a null key stays null and a null value becomes empty', () => {
    // Act
    const r = toTopicRecord('t', 2, message({ key: null, value: null }));
    // Assess
    expect(r).toMatchObject({ topic: 't', partition: 2, offset: '41', timestamp: 1_700_000_000_000, key: null });
    expect(r.value.byteLength).toBe(0);
  });

  it('turns port messages into kafkajs messages, timestamps as strings', () => {
    // Act
    const [m] = toKafkaMessages([{ key: 'e1', value: '{}', headers: { a: 'b' }, timestamp: 5 }]);
    // Assess
    expect(m).toEqual({ key: 'e1', value: '{}', headers: { a: 'b' }, timestamp: '5' });
  });

  it('groups offsets per topic for sendOffsets', () => {
    // Act
    const grouped = byTopic([{ topic: 'a', partition: 0, offset: '5' }, { topic: 'b', partition: 1, offset: '7' }, { topic: 'a', partition: 2, offset: '9' }]);
    // Assess
    expect(grouped).toEqual([
      { topic: 'a', partitions: [{ partition: 0, offset: '5' }, { partition: 2, offset: '9' }] },
      { topic: 'b', partitions: [{ partition: 1, offset: '7' }] },
    ]);
  });

  it('splits a send into pieces under the byte limit, in order, with an oversized message alone', () => {
    // Prepare: 10 messages of about 170 bytes (value + key + per-record overhead), one of 5,000.
    const small = (i: number) => ({ key: `e${i}`, value: 'x'.repeat(100) });
    const messages = [...Array.from({ length: 5 }, (_, i) => small(i)), { key: 'big', value: 'y'.repeat(5000) }, ...Array.from({ length: 5 }, (_, i) => small(i + 5))];
    // Act
    const pieces = chunkBySize(messages, 400);
    // Assess
    expect(pieces.flat()).toEqual(messages);
    expect(pieces.map((p) => p.length)).toEqual([2, 2, 1, 1, 2, 2, 1]);
    expect(chunkBySize([], 400)).toEqual([]);
  });
});
