/** A message to append to a topic; the key chooses the partition. */
export interface OutgoingMessage {
  key: string | null;
  value: Buffer | string;
  headers?: Record<string, string>;
  timestamp?: number;
}

/** A message as read back from a partition. */
export interface TopicRecord {
  topic: string;
  partition: number;
  /** Kafka offsets are int64: kept as decimal strings, as kafkajs and MSK events do. */
  offset: string;
  timestamp: number;
  key: Buffer | null;
  value: Buffer;
  headers: Record<string, string>;
}

/** Appends messages to topics: Kafka in AWS and over a local broker, an in-process log embedded. */
export interface TopicProducer {
  send(topic: string, messages: OutgoingMessage[]): Promise<void>;
}

/** Creates topics and produces to them. */
export interface Topics extends TopicProducer {
  ensureTopics(topics: { name: string; partitions: number }[]): Promise<void>;
  close(): Promise<void>;
}
