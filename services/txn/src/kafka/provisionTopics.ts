import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { TxnError } from '../errors.js';
import type { TopicSpec } from './topicSpec.js';

/** What provisioning did to one topic. */
export interface TopicChange {
  topic: string;
  action: 'created' | 'updated' | 'unchanged' | 'deleted' | 'kept' | 'absent';
  details: string[];
}

/** kafkajs' ConfigSource for a topic-level override (describeConfigs). */
const TOPIC_OVERRIDE = 1;

/**
 * Makes the cluster hold `topics`: creates missing ones with their partitions, replication factor and
 * configs; raises partition counts (Kafka cannot lower them: a lower setting is reported, not applied);
 * sets configs, keeping other topic-level overrides an operator made. Idempotent: a second run changes
 * nothing. A different replication factor is reported, not changed (it needs a partition reassignment).
 */
export async function provisionTopics(admin: Admin, topics: TopicSpec[]): Promise<TopicChange[]> {
  const existing = new Set(await admin.listTopics());
  const missing: TopicSpec[] = [];
  // One topic per request: kafkajs answers `false` when a topic already exists (the broker's metadata
  // lagged the controller, or a retried request had already created it), and per topic that tells
  // which ones to align instead of reporting them created.
  for (const t of topics.filter((x) => !existing.has(x.Name))) {
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: [{
        topic: t.Name, numPartitions: t.Partitions, replicationFactor: t.ReplicationFactor,
        configEntries: Object.entries(t.Configs).map(([name, value]) => ({ name, value })),
      }],
    });
    if (created) missing.push(t);
    else existing.add(t.Name);
  }
  const changes: TopicChange[] = missing.map((t) => ({
    topic: t.Name, action: 'created',
    details: [`${t.Partitions} partitions`, `replication factor ${t.ReplicationFactor}`, ...Object.entries(t.Configs).map(([k, v]) => `${k}=${v}`)],
  }));
  const present = topics.filter((t) => existing.has(t.Name));
  if (present.length === 0) return changes;

  const { topics: metadata } = await admin.fetchTopicMetadata({ topics: present.map((t) => t.Name) });
  const grow: { topic: string; count: number }[] = [];
  for (const t of present) {
    const meta = metadata.find((m) => m.name === t.Name);
    if (!meta) throw new TxnError(`topic ${t.Name}: listed but no metadata returned`, { retriable: true });
    const details: string[] = [];
    const partitions = meta.partitions.length;
    if (partitions < t.Partitions) {
      grow.push({ topic: t.Name, count: t.Partitions });
      details.push(`partitions ${partitions} -> ${t.Partitions}`);
    } else if (partitions > t.Partitions) {
      details.push(`has ${partitions} partitions, more than the ${t.Partitions} asked for (Kafka cannot remove partitions; left as is)`);
    }
    const replicas = meta.partitions[0]?.replicas.length ?? 0;
    if (replicas !== t.ReplicationFactor) details.push(`replication factor ${replicas}, not ${t.ReplicationFactor} (changing it needs a partition reassignment; left as is)`);
    details.push(...(await alignConfigs(admin, t)));
    changes.push({ topic: t.Name, action: details.some((d) => !d.includes('left as is')) ? 'updated' : 'unchanged', details });
  }
  if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow, validateOnly: false });
  return changes;
}

/** Sets the topic's configs to the spec's. AlterConfigs replaces every override, so the others are sent back unchanged. */
async function alignConfigs(admin: Admin, t: TopicSpec): Promise<string[]> {
  const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: t.Name }] });
  const current = new Map<string, string>();
  for (const e of resources[0]?.configEntries ?? []) {
    if (e.configSource === TOPIC_OVERRIDE && !e.isSensitive) current.set(e.configName, e.configValue);
  }
  const changed = Object.entries(t.Configs).filter(([k, v]) => current.get(k) !== v);
  if (changed.length === 0) return [];
  const wanted = new Map([...current, ...Object.entries(t.Configs)]);
  await admin.alterConfigs({
    validateOnly: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: t.Name, configEntries: [...wanted].map(([name, value]) => ({ name, value })) }],
  });
  return changed.map(([k, v]) => `${k}: ${current.get(k) ?? '(default)'} -> ${v}`);
}

/** Deletes the topics that exist (their data with them): only when the stack says DeleteTopicsOnRemove. */
export async function deleteTopics(admin: Admin, names: string[]): Promise<TopicChange[]> {
  const existing = new Set(await admin.listTopics());
  const present = names.filter((n) => existing.has(n));
  if (present.length > 0) await admin.deleteTopics({ topics: present, timeout: 30_000 });
  return names.map((topic) => ({ topic, action: existing.has(topic) ? 'deleted' : 'absent', details: [] }));
}
