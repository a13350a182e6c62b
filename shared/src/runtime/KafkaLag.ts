import type { Kafka } from 'kafkajs';

/** Records of `topic` not yet committed by `groupId` (partitions it never committed count from their start). */
export async function kafkaLag(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const committed = new Map(group!.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    let lag = 0n;
    for (const e of ends) {
      const c = committed.get(e.partition) ?? -1n;
      lag += BigInt(e.high) - (c < 0n ? BigInt(e.low) : c);
    }
    return Number(lag);
  } finally {
    await admin.disconnect();
  }
}
