import type { Admin } from 'kafkajs';
import { provisionTopics } from '../src/kafka/provisionTopics.js';

/**
 * An admin whose topic listing lags the controller, as a broker's metadata cache can under load: the
 * topic exists (createTopics answers "already exists", i.e. false) but listTopics does not show it yet.
 * The real-broker behaviour is in test/kafka/topicsResource.test.ts; this pins the lagging case.
 */
function laggingAdmin(topic: string, partitions: number) {
  const calls: string[] = [];
  const admin = {
    listTopics: async () => [],
    createTopics: async () => (calls.push('createTopics'), false),
    fetchTopicMetadata: async () => ({ topics: [{ name: topic, partitions: Array.from({ length: partitions }, (_, i) => ({ partitionId: i, replicas: [1] })) }] }),
    describeConfigs: async () => ({ resources: [{ configEntries: [{ configName: 'retention.ms', configValue: '600000', configSource: 1, isSensitive: false }] }] }),
    alterConfigs: async () => void calls.push('alterConfigs'),
    createPartitions: async () => void calls.push('createPartitions'),
  };
  return { admin: admin as unknown as Admin, calls };
}

describe('Kafka topics: provisionTopics when the listing lags', () => {
  it('aligns a topic that already exists though the listing missed it, instead of reporting it created', async () => {
    // Prepare
    const { admin, calls } = laggingAdmin('t-lag', 2);
    // Act
    const changes = await provisionTopics(admin, [{ Name: 't-lag', Partitions: 4, ReplicationFactor: 1, Configs: { 'retention.ms': '1200000' } }]);
    // Assess
    expect(changes).toEqual([{ topic: 't-lag', action: 'updated', details: ['partitions 2 -> 4', 'retention.ms: 600000 -> 1200000'] }]);
    expect(calls).toEqual(['createTopics', 'alterConfigs', 'createPartitions']);
  });
});
