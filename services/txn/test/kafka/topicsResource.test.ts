import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import type { CustomResourceEvent, CustomResourceResponse } from '@sfc/shared';
import { sendCustomResourceResponse } from '@sfc/shared';
import { createLogger } from '@sfc/shared';
import { topicsResource } from '../../src/kafka/topicsResource.js';
import { testKafka, unique } from './support/kafka.js';

// The KafkaTopics custom resource against the real broker, answering CloudFormation on a local HTTP
// endpoint that stands in for the pre-signed S3 URL.
describe('Kafka topics custom resource (KafkaTopics)', () => {
  let admin: Admin;
  let server: Server;
  let url: string;
  const answers: CustomResourceResponse[] = [];
  const log = createLogger('test.topics', { level: 'silent' });
  const deps = { admin: async () => { const a = testKafka().admin(); await a.connect(); return a; }, respond: sendCustomResourceResponse, log };

  beforeAll(async () => {
    admin = testKafka().admin();
    await admin.connect();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { answers.push(JSON.parse(body)); res.end(); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response?sig=x`;
  });

  afterAll(async () => {
    await admin.disconnect();
    await new Promise((r) => server.close(r));
  });

  const event = (type: CustomResourceEvent['RequestType'], props: Record<string, unknown>, physical?: string): CustomResourceEvent => ({
    RequestType: type, ResponseURL: url, StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/sfc-txn-t/1', RequestId: unique('req'),
    LogicalResourceId: 'KafkaTopics', ResourceType: 'Custom::KafkaTopics', PhysicalResourceId: physical, ResourceProperties: props,
  });
  const spec = (names: string[], partitions: number, configs: Record<string, string> = {}, deleteOnRemove = 'false') => ({
    Topics: names.map((Name) => ({ Name, Partitions: String(partitions), ReplicationFactor: '1', Configs: configs })),
    DeleteTopicsOnRemove: deleteOnRemove,
  });
  const partitions = async (topic: string) => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.length;
  const overrides = async (topic: string) => {
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
    return Object.fromEntries(resources[0]!.configEntries.filter((e) => e.configSource === 1).map((e) => [e.configName, e.configValue]));
  };

  it('creates missing topics with their partitions and configs, and answers CloudFormation', async () => {
    // Prepare
    const names = [unique('t-in'), unique('t-out')];
    // Act
    const res = await topicsResource(deps, event('Create', spec(names, 3, { 'min.insync.replicas': '1', 'retention.ms': '600000' })), () => 60_000);
    // Assess
    expect(res.Status).toBe('SUCCESS');
    expect(answers.at(-1)).toEqual(res);
    expect(res.PhysicalResourceId).toBe(`kafka-topics:${[...names].sort().join(',')}`);
    for (const n of names) {
      expect(await partitions(n)).toBe(3);
      expect(await overrides(n)).toEqual({ 'min.insync.replicas': '1', 'retention.ms': '600000' });
    }
  });

  it('on update raises partitions, changes configs, keeps an operator\'s other overrides, and is idempotent', async () => {
    // Prepare
    const name = unique('t-up');
    const first = await topicsResource(deps, event('Create', spec([name], 2, { 'retention.ms': '600000' })), () => 60_000);
    await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name, configEntries: [{ name: 'retention.ms', value: '600000' }, { name: 'segment.bytes', value: '10485760' }] }] });
    // Act
    const update = await topicsResource(deps, event('Update', spec([name], 4, { 'retention.ms': '1200000' }), first.PhysicalResourceId), () => 60_000);
    const again = await topicsResource(deps, event('Update', spec([name], 4, { 'retention.ms': '1200000' }), first.PhysicalResourceId), () => 60_000);
    const lower = await topicsResource(deps, event('Update', spec([name], 1, { 'retention.ms': '1200000' }), first.PhysicalResourceId), () => 60_000);
    // Assess
    expect(update.Status).toBe('SUCCESS');
    expect(update.Data?.Changes).toContain('partitions 2 -> 4');
    expect(update.Data?.Changes).toContain('retention.ms: 600000 -> 1200000');
    expect(await partitions(name)).toBe(4);
    expect(await overrides(name)).toEqual({ 'retention.ms': '1200000', 'segment.bytes': '10485760' });
    expect(again.Data?.Changes).toBe(`${name}: unchanged`);
    expect(lower.Status).toBe('SUCCESS');
    expect(lower.Data?.Changes).toContain('Kafka cannot remove partitions');
    expect(await partitions(name)).toBe(4);
  });

  it('on delete keeps the topics unless DeleteTopicsOnRemove is true', async () => {
    // Prepare
    const kept = unique('t-keep');
    const gone = unique('t-gone');
    const a = await topicsResource(deps, event('Create', spec([kept], 1)), () => 60_000);
    const b = await topicsResource(deps, event('Create', spec([gone], 1, {}, 'true')), () => 60_000);
    // Act
    const keep = await topicsResource(deps, event('Delete', spec([kept], 1), a.PhysicalResourceId), () => 60_000);
    const del = await topicsResource(deps, event('Delete', spec([gone], 1, {}, 'true'), b.PhysicalResourceId), () => 60_000);
    // Assess
    expect([keep.Status, del.Status]).toEqual(['SUCCESS', 'SUCCESS']);
    const topics = await admin.listTopics();
    expect(topics).toContain(kept);
    expect(topics).not.toContain(gone);
  });

  it('answers FAILED, naming the field, for bad properties, and when the cluster does not answer in time', async () => {
    // Act
    const bad = await topicsResource(deps, event('Create', { Topics: [{ Name: 'x', Partitions: 'zero', ReplicationFactor: '1' }] }), () => 60_000);
    const slow = await topicsResource({ ...deps, admin: () => new Promise<Admin>(() => {}) }, event('Create', spec([unique('t-slow')], 1)), () => 16_500);
    const rollback = await topicsResource(deps, event('Delete', spec(['x'], 1), slow.PhysicalResourceId), () => 60_000);
    // Assess
    expect(bad).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('Topics.0.Partitions') });
    expect(slow).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('reach the brokers on 9098') });
    expect(rollback.Status).toBe('SUCCESS'); // the failed create left nothing to delete
    expect(answers.slice(-3).map((a) => a.Status)).toEqual(['FAILED', 'FAILED', 'SUCCESS']);
  }, 30_000);
});
