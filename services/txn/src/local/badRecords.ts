import type { OutgoingMessage } from '@sfc/shared';

/**
 * Malformed records of every kind the scorer must dead-letter: for demos and end-to-end tests. The
 * oversized one is `maxRecordBytes` + 1 KiB: over the scorer's limit, under a Kafka broker's 1 MiB
 * message.max.bytes for the default limit (64 KiB), so it reaches the scorer uncompressed.
 */
export function badRecords(n: number, sample: Record<string, unknown>, maxRecordBytes: number): OutgoingMessage[] {
  const kinds: (() => OutgoingMessage)[] = [
    () => ({ key: 'bad-json', value: '{"event_id": "truncated' }),
    () => ({ key: 'bad-schema', value: JSON.stringify({ ...sample, transaction_amt: 'a lot' }) }),
    () => ({ key: 'bad-range', value: JSON.stringify({ ...sample, transaction_amt: 5_000_000 }) }),
    () => ({ key: 'bad-missing', value: JSON.stringify({ ...sample, email_address: undefined }) }),
    () => ({ key: 'bad-size', value: Buffer.alloc(maxRecordBytes + 1024, 0x61) }),
    () => ({ key: 'bad-binary', value: Buffer.from([0xff, 0xfe, 0x00, 0x01]) }),
  ];
  return Array.from({ length: n }, (_, i) => kinds[i % kinds.length]!());
}
