import { z } from 'zod';

/** One topic the stage needs, as the KafkaTopics custom resource declares it (CloudFormation sends text). */
export const TopicSpecSchema = z.object({
  Name: z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'a Kafka topic name'),
  Partitions: z.coerce.number().int().min(1),
  ReplicationFactor: z.coerce.number().int().min(1),
  Configs: z.record(z.string(), z.coerce.string()).default({}),
});

/** The properties of the KafkaTopics custom resource (services/txn/resources/kafka.yml). */
export const TopicsPropertiesSchema = z.object({
  Topics: z.array(TopicSpecSchema).min(1),
  DeleteTopicsOnRemove: z.enum(['true', 'false']).default('false'),
});

export type TopicSpec = z.infer<typeof TopicSpecSchema>;
export type TopicsProperties = z.infer<typeof TopicsPropertiesSchema>;
