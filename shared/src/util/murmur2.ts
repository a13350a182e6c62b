/**
 * Kafka's murmur2 (the Java client's default partitioner hash), so that the embedded log puts a
 * key on the same partition a real broker's producer would.
 */
export function murmur2(data: Buffer): number {
  const m = 0x5bd1e995;
  const r = 24;
  let length = data.length;
  let h = (0x9747b28c ^ length) | 0;
  let i = 0;
  while (length >= 4) {
    let k = data.readInt32LE(i);
    k = Math.imul(k, m);
    k ^= k >>> r;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
    i += 4;
    length -= 4;
  }
  switch (length) {
    case 3: h ^= (data[i + 2] ?? 0) << 16; // falls through
    case 2: h ^= (data[i + 1] ?? 0) << 8; // falls through
    case 1: h ^= data[i] ?? 0; h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h;
}

/** Partition of `key` among `partitions`, as Kafka's default partitioner computes it. */
export function partitionFor(key: string, partitions: number): number {
  return (murmur2(Buffer.from(key)) & 0x7fffffff) % partitions;
}
