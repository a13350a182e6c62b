import {
  BatchGetItemCommand, BatchWriteItemCommand, DynamoDBClient,
  type AttributeValue, type BatchGetItemCommandOutput, type BatchWriteItemCommandOutput, type KeysAndAttributes, type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { EntityState, StatePutOptions } from '../ports/EntityState.js';
import { AdapterError } from '../errors.js';
import { backoffMs, sleep } from '../runtime/retry.js';
import { awsClientConfig, wrapAwsError } from './awsClientConfig.js';

export interface DynamoEntityStateOptions {
  tableName: string;
  /** Partition key attribute (type S) of the table. */
  keyAttribute?: string;
  /** Attribute holding the state as a JSON string. */
  stateAttribute?: string;
  /** TTL attribute (epoch seconds); enable TTL on it in the table definition. */
  ttlAttribute?: string;
  ttlSeconds?: number;
  client?: DynamoDBClient;
  endpoint?: string;
  region?: string;
  /** Attempts for a batch whose items DynamoDB left unprocessed (throttling). */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Clock in epoch milliseconds (injected by tests). */
  now?: () => number;
}

const ADAPTER = 'DynamoEntityState';
export const GET_BATCH = 100;
export const WRITE_BATCH = 25;

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** EntityState in a DynamoDB table: one item per entity, state as JSON, expired by DynamoDB TTL. */
export class DynamoEntityState<S> implements EntityState<S> {
  readonly client: DynamoDBClient;
  private readonly table: string;
  private readonly key: string;
  private readonly stateAttr: string;
  private readonly ttlAttr: string;
  private readonly ttlSeconds: number;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly now: () => number;

  constructor(options: DynamoEntityStateOptions) {
    this.client = options.client ?? new DynamoDBClient(awsClientConfig(options.endpoint, options.region));
    this.table = options.tableName;
    this.key = options.keyAttribute ?? 'entity_id';
    this.stateAttr = options.stateAttribute ?? 'state';
    this.ttlAttr = options.ttlAttribute ?? 'expires_at';
    this.ttlSeconds = options.ttlSeconds ?? 7 * 24 * 3600;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.baseDelayMs = options.baseDelayMs ?? 50;
    this.now = options.now ?? Date.now;
    if (!this.table) throw new AdapterError(ADAPTER, 'tableName is required');
  }

  async getMany(entityIds: string[]): Promise<Map<string, S>> {
    const out = new Map<string, S>();
    const ids = [...new Set(entityIds)];
    // DynamoDB deletes expired items lazily (within days), so expiry is also enforced on read.
    const nowSeconds = Math.floor(this.now() / 1000);
    for (const batch of chunks(ids, GET_BATCH)) {
      for (const item of await this.getBatch(batch)) {
        const id = item[this.key]?.S;
        const json = item[this.stateAttr]?.S;
        const expiresAt = Number(item[this.ttlAttr]?.N ?? Infinity);
        if (id === undefined || json === undefined || expiresAt <= nowSeconds) continue;
        try {
          out.set(id, JSON.parse(json) as S);
        } catch (err) {
          throw new AdapterError(ADAPTER, `state of ${id} in ${this.table} is not JSON`, { cause: err });
        }
      }
    }
    return out;
  }

  async putMany(entries: Map<string, S>, options: StatePutOptions = {}): Promise<void> {
    const expiresAt = String(Math.floor(this.now() / 1000) + (options.ttlSeconds ?? this.ttlSeconds));
    const requests: WriteRequest[] = [...entries].map(([id, state]) => ({
      PutRequest: { Item: { [this.key]: { S: id }, [this.stateAttr]: { S: JSON.stringify(state) }, [this.ttlAttr]: { N: expiresAt } } },
    }));
    for (const batch of chunks(requests, WRITE_BATCH)) await this.writeBatch(batch);
  }

  private async getBatch(ids: string[]): Promise<Record<string, AttributeValue>[]> {
    const items: Record<string, AttributeValue>[] = [];
    let pending: KeysAndAttributes | undefined = {
      Keys: ids.map((id) => ({ [this.key]: { S: id } })),
      ProjectionExpression: '#k, #s, #t',
      ExpressionAttributeNames: { '#k': this.key, '#s': this.stateAttr, '#t': this.ttlAttr },
    };
    for (let attempt = 1; pending?.Keys?.length; attempt++) {
      if (attempt > this.maxAttempts) throw this.unprocessed('BatchGetItem', pending.Keys.length);
      if (attempt > 1) await sleep(backoffMs(attempt - 1, this.baseDelayMs));
      try {
        const out: BatchGetItemCommandOutput = await this.client.send(new BatchGetItemCommand({ RequestItems: { [this.table]: pending } }));
        items.push(...(out.Responses?.[this.table] ?? []));
        pending = out.UnprocessedKeys?.[this.table];
      } catch (err) {
        throw wrapAwsError(ADAPTER, `BatchGetItem on ${this.table}`, err);
      }
    }
    return items;
  }

  private async writeBatch(requests: WriteRequest[]): Promise<void> {
    let pending: WriteRequest[] | undefined = requests;
    for (let attempt = 1; pending?.length; attempt++) {
      if (attempt > this.maxAttempts) throw this.unprocessed('BatchWriteItem', pending.length);
      if (attempt > 1) await sleep(backoffMs(attempt - 1, this.baseDelayMs));
      try {
        const out: BatchWriteItemCommandOutput = await this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table]: pending } }));
        pending = out.UnprocessedItems?.[this.table];
      } catch (err) {
        throw wrapAwsError(ADAPTER, `BatchWriteItem on ${this.table}`, err);
      }
    }
  }

  private unprocessed(operation: string, count: number): AdapterError {
    return new AdapterError(ADAPTER, `${operation} on ${this.table}: ${count} items still unprocessed after ${this.maxAttempts} attempts`, { retriable: true });
  }
}
