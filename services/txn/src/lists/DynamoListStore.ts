import {
  BatchGetItemCommand, DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, TransactWriteItemsCommand,
  type AttributeValue, type QueryCommandOutput, type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { ConfigError } from '@sfc/shared';
import { awsClientConfig, wrapAwsError } from '@sfc/shared/adapters/awsClientConfig.js';
import type { VariableType } from '../eventType/variableTypes.js';
import type { ListMetadata, ListStore } from './ListStore.js';

const ADAPTER = 'DynamoListStore';
/** Partition of the metadata items (sort key: the list's name); list names cannot contain '#'. */
const META = '#meta';
/** TransactWriteItems takes 100 actions: 99 elements and the metadata's version bump. */
const CHUNK = 99;

const S = (s: string): AttributeValue => ({ S: s });

/**
 * Lists in one DynamoDB table (partition key `list`, sort key `element`, both strings): one item per
 * element, and per list a metadata item (`#meta`, name) with its variable type and a version counter
 * that every write bumps in the same transaction. Scoring reads only the metadata items (one
 * BatchGetItem per refresh interval) and queries a list again only when its version moved.
 */
export class DynamoListStore implements ListStore {
  readonly client: DynamoDBClient;

  constructor(private readonly table: string, options: { client?: DynamoDBClient; endpoint?: string } = {}) {
    this.client = options.client ?? new DynamoDBClient(awsClientConfig(options.endpoint));
  }

  private async call<T>(operation: string, f: () => Promise<T>): Promise<T> {
    try { return await f(); } catch (err) { throw wrapAwsError(ADAPTER, `${operation} on ${this.table}`, err); }
  }

  async versions(names: string[]) {
    const out = new Map<string, string | undefined>(names.map((n) => [n, undefined]));
    for (let i = 0; i < names.length; i += 100) {
      let keys: Record<string, AttributeValue>[] | undefined = names.slice(i, i + 100).map((n) => ({ list: S(META), element: S(n) }));
      while (keys && keys.length > 0) {
        const res = await this.call('BatchGetItem', () => this.client.send(new BatchGetItemCommand({ RequestItems: { [this.table]: { Keys: keys!, ProjectionExpression: '#e, #v', ExpressionAttributeNames: { '#e': 'element', '#v': 'version' } } } })));
        for (const item of res.Responses?.[this.table] ?? []) out.set(item.element!.S!, item.version!.N!);
        keys = res.UnprocessedKeys?.[this.table]?.Keys;
      }
    }
    return out;
  }

  private async meta(name: string): Promise<ListMetadata | undefined> {
    const res = await this.call('GetItem', () => this.client.send(new GetItemCommand({ TableName: this.table, Key: { list: S(META), element: S(name) }, ConsistentRead: true })));
    const item = res.Item;
    if (!item) return undefined;
    return { name, variableType: item.variableType!.S as VariableType, version: item.version!.N!, ...(item.description?.S ? { description: item.description.S } : {}) };
  }

  async read(name: string) {
    const meta = await this.meta(name);
    if (!meta) throw new ConfigError(`list ${name}`, `does not exist in table ${this.table}; create it with: npm run lists -- create ${name} --type <VARIABLE_TYPE>`);
    const elements: string[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res: QueryCommandOutput = await this.call('Query', () => this.client.send(new QueryCommand({
        TableName: this.table, KeyConditionExpression: '#l = :l', ExpressionAttributeValues: { ':l': S(name) }, ProjectionExpression: '#e', ExpressionAttributeNames: { '#l': 'list', '#e': 'element' }, ExclusiveStartKey: start,
      })));
      for (const item of res.Items ?? []) elements.push(item.element!.S!);
      start = res.LastEvaluatedKey;
    } while (start);
    return { meta, elements };
  }

  async list(): Promise<ListMetadata[]> {
    const out: ListMetadata[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res: QueryCommandOutput = await this.call('Query', () => this.client.send(new QueryCommand({
        TableName: this.table, KeyConditionExpression: '#l = :l', ExpressionAttributeValues: { ':l': S(META) }, ExpressionAttributeNames: { '#l': 'list' }, ExclusiveStartKey: start,
      })));
      for (const i of res.Items ?? []) out.push({ name: i.element!.S!, variableType: i.variableType!.S as VariableType, version: i.version!.N!, ...(i.description?.S ? { description: i.description.S } : {}) });
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async create(name: string, variableType: VariableType, description?: string) {
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.table,
        Item: { list: S(META), element: S(name), variableType: S(variableType), version: { N: '1' }, ...(description ? { description: S(description) } : {}) },
        ConditionExpression: 'attribute_not_exists(#e)', ExpressionAttributeNames: { '#e': 'element' },
      }));
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConfigError(`list ${name}`, `already exists in table ${this.table}`);
      throw wrapAwsError(ADAPTER, `PutItem on ${this.table}`, err);
    }
  }

  private async write(name: string, elements: string[], action: (e: string) => TransactWriteItem) {
    for (let i = 0; i < elements.length; i += CHUNK) {
      const bump: TransactWriteItem = { Update: {
        TableName: this.table, Key: { list: S(META), element: S(name) },
        UpdateExpression: 'ADD #v :one', ConditionExpression: 'attribute_exists(#e)', ExpressionAttributeNames: { '#v': 'version', '#e': 'element' }, ExpressionAttributeValues: { ':one': { N: '1' } },
      } };
      try {
        await this.client.send(new TransactWriteItemsCommand({ TransactItems: [bump, ...elements.slice(i, i + CHUNK).map(action)] }));
      } catch (err) {
        if ((err as Error).name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test((err as Error).message)) {
          throw new ConfigError(`list ${name}`, `does not exist in table ${this.table}; create it with: npm run lists -- create ${name} --type <VARIABLE_TYPE>`);
        }
        throw wrapAwsError(ADAPTER, `TransactWriteItems on ${this.table}`, err);
      }
    }
    return elements.length;
  }

  append(name: string, elements: string[]) {
    return this.write(name, [...new Set(elements)], (e) => ({ Put: { TableName: this.table, Item: { list: S(name), element: S(e) } } }));
  }

  remove(name: string, elements: string[]) {
    return this.write(name, [...new Set(elements)], (e) => ({ Delete: { TableName: this.table, Key: { list: S(name), element: S(e) } } }));
  }
}
