import {
  BatchGetItemCommand, BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, GetItemCommand, UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoEntityState } from '../../src/adapters/DynamoEntityState.js';
import { AdapterError } from '../../src/errors.js';
import { entityStateContract, recordSamples, vectorSamples, type FeatureState } from '../contracts/entityState.contract.js';
import { startMoto, uniqueName, type Moto } from '../support/moto.js';

let moto: Moto;
let client: DynamoDBClient;

beforeAll(async () => {
  moto = await startMoto();
  client = new DynamoDBClient({ endpoint: moto.endpoint, region: 'us-east-1' });
});
afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

/** A new table shaped like the txn service's feature table: string key `entity_id`, TTL on `expires_at`. */
async function freshTable(): Promise<string> {
  const name = uniqueName('features');
  await client.send(new CreateTableCommand({
    TableName: name, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'entity_id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'entity_id', KeyType: 'HASH' }],
  }));
  await client.send(new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' } }));
  return name;
}

entityStateContract('DynamoEntityState (moto)', async ({ ttlSeconds, now }) =>
  new DynamoEntityState<FeatureState>({ client, tableName: await freshTable(), ttlSeconds, now }), recordSamples);
entityStateContract('DynamoEntityState (moto), numeric vectors', async ({ ttlSeconds, now }) =>
  new DynamoEntityState<number[]>({ client, tableName: await freshTable(), ttlSeconds, now }), vectorSamples);

/**
 * Passes calls to the real client, except that DynamoDB "throttles" the first `times` batch calls:
 * their last `leave` requests come back unprocessed, as BatchWriteItem/BatchGetItem do under load.
 */
function throttlingClient(leave: number, times: number): { client: DynamoDBClient; calls: () => number } {
  let calls = 0;
  const send = async (command: unknown) => {
    calls++;
    if (command instanceof BatchWriteItemCommand && calls <= times) {
      const [table, requests] = Object.entries(command.input.RequestItems ?? {})[0]!;
      const done = requests.slice(0, -leave);
      if (done.length > 0) await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: done } }));
      return { UnprocessedItems: { [table]: requests.slice(-leave) } };
    }
    if (command instanceof BatchGetItemCommand && calls <= times) {
      const [table, request] = Object.entries(command.input.RequestItems ?? {})[0]!;
      const keys = request.Keys ?? [];
      const done = keys.slice(0, -leave);
      const out = done.length > 0
        ? await client.send(new BatchGetItemCommand({ RequestItems: { [table]: { ...request, Keys: done } } }))
        : { Responses: { [table]: [] } };
      return { Responses: out.Responses, UnprocessedKeys: { [table]: { ...request, Keys: keys.slice(-leave) } } };
    }
    return client.send(command as never);
  };
  return { client: { send } as unknown as DynamoDBClient, calls: () => calls };
}

describe('Class: DynamoEntityState', () => {
  it('writes the state as JSON with an expires_at TTL in epoch seconds', async () => {
    // Prepare
    const tableName = await freshTable();
    const now = Date.UTC(2026, 10, 25, 12, 0, 0, 750);
    const store = new DynamoEntityState<{ count: number }>({ client, tableName, ttlSeconds: 86_400, now: () => now });
    // Act
    await store.putMany(new Map([['card-1', { count: 3 }]]));
    // Assess
    const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: { entity_id: { S: 'card-1' } } }));
    expect(Item?.state?.S).toBe('{"count":3}');
    expect(Item?.expires_at?.N).toBe(String(Math.floor(now / 1000) + 86_400));
  });

  it('honours custom key, state and TTL attribute names', async () => {
    const tableName = uniqueName('custom');
    await client.send(new CreateTableCommand({
      TableName: tableName, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }));
    const store = new DynamoEntityState<string[]>({ client, tableName, keyAttribute: 'pk', stateAttribute: 'doc', ttlAttribute: 'ttl' });

    await store.putMany(new Map([['x', ['a', 'b']]]));

    expect((await store.getMany(['x'])).get('x')).toEqual(['a', 'b']);
    const { Item } = await client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'x' } } }));
    expect(Object.keys(Item ?? {}).sort()).toEqual(['doc', 'pk', 'ttl']);
  });

  it('retries items DynamoDB left unprocessed until all are written', async () => {
    const tableName = await freshTable();
    const throttled = throttlingClient(5, 2);
    const store = new DynamoEntityState<number>({ client: throttled.client, tableName, baseDelayMs: 1 });
    const entries = new Map(Array.from({ length: 30 }, (_, i) => [`e${i}`, i] as const));

    await store.putMany(entries);

    expect(throttled.calls()).toBe(4); // 25 (5 left) -> 5 (5 left) -> 5, then the second batch of 5
    expect(await new DynamoEntityState<number>({ client, tableName }).getMany([...entries.keys()])).toEqual(entries);
  });

  it('retries keys DynamoDB left unprocessed until all are read', async () => {
    const tableName = await freshTable();
    const entries = new Map(Array.from({ length: 120 }, (_, i) => [`e${i}`, i] as const));
    await new DynamoEntityState<number>({ client, tableName }).putMany(entries);
    const throttled = throttlingClient(30, 2);
    const store = new DynamoEntityState<number>({ client: throttled.client, tableName, baseDelayMs: 1 });

    const read = await store.getMany([...entries.keys()]);

    expect(read).toEqual(entries);
    expect(throttled.calls()).toBe(4); // 100 (30 left) -> 30 (30 left) -> 30, then the second batch of 20
  });

  it('gives up with a retriable AdapterError when items stay unprocessed', async () => {
    const tableName = await freshTable();
    const store = new DynamoEntityState<number>({ client: throttlingClient(1, 100).client, tableName, maxAttempts: 3, baseDelayMs: 1 });

    const failure = store.putMany(new Map([['a', 1], ['b', 2]]));

    await expect(failure).rejects.toBeInstanceOf(AdapterError);
    await expect(failure).rejects.toMatchObject({ retriable: true, message: expect.stringContaining('1 items still unprocessed after 3 attempts') });
  });

  it('wraps a missing table in a non-retriable AdapterError', async () => {
    const store = new DynamoEntityState<number>({ client, tableName: 'no-such-table' });

    await expect(store.getMany(['a'])).rejects.toMatchObject({
      name: 'AdapterError', retriable: false, message: expect.stringContaining('ResourceNotFoundException'),
    });
  });
});
