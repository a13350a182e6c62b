import {
  ConditionalCheckFailedException, DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand, UpdateItemCommand,
  type AttributeValue, type QueryCommandOutput, type ScanCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { CaseDecisionSchema, CaseEscalationSchema, ReviewCaseSchema, type CaseDecision, type CaseEscalation, type ReviewCase } from '@sfc/shared';
import { awsClientConfig, wrapAwsError } from '@sfc/shared/adapters/awsClientConfig.js';
import { entityOrder, listingOf, type CaseListing, type CaseRecord, type CaseStore } from './CaseStore.js';

const ADAPTER = 'DynamoCaseStore';
/** The table's index of a customer's cases (entity_id, entity_order: event time then id; keys only). Items without entity_order (a label imported for an event with no case) are not in it. */
export const ENTITY_INDEX = 'by_entity';
/**
 * The queue's index (queue_status, queue_order; all attributes): `open` cases by creation time, then
 * `closed` ones by decision time, each `<time>~<case id>`. The review queue and the ageing function
 * Query it instead of scanning the table. act writes `open` with the case; the decision's UpdateItem
 * turns it `closed`. A label imported for an event with no case is `closed` without a body (not listed).
 */
export const STATUS_INDEX = 'by_status';
const queueOrder = (time: string, caseId: string) => `${time}~${caseId}`;
const S = (s: string): AttributeValue => ({ S: s });

/**
 * Cases in one DynamoDB table (partition key `case_id`): the case as JSON in `body`, written by a
 * PutItem conditional on `attribute_not_exists(case_id)`; the decision in `decision`, set by an
 * UpdateItem conditional on `attribute_not_exists(decision)`, so neither is ever overwritten; and
 * `label_sent_at` once the label is on the topic; `escalations`, a list appended to while no decision is there;
 * `queue_status` and `queue_order` for STATUS_INDEX. act needs PutItem and a Query of ENTITY_INDEX only.
 */
export class DynamoCaseStore implements CaseStore {
  readonly client: DynamoDBClient;

  constructor(private readonly table: string, options: { client?: DynamoDBClient; endpoint?: string } = {}) {
    this.client = options.client ?? new DynamoDBClient(awsClientConfig(options.endpoint));
  }

  private async call<T>(operation: string, f: () => Promise<T>): Promise<T> {
    try { return await f(); } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw err;
      throw wrapAwsError(ADAPTER, `${operation} on ${this.table}`, err);
    }
  }

  /** One conditional PutItem; a taken id answers with the item already there (ALL_OLD), so act needs no GetItem. */
  async create(c: ReviewCase): Promise<{ created: true } | { created: false; content?: string }> {
    try {
      await this.call('PutItem', () => this.client.send(new PutItemCommand({
        TableName: this.table,
        Item: {
          case_id: S(c.case_id), entity_id: S(c.entity_id), entity_order: S(entityOrder(c)), body: S(JSON.stringify(c)),
          queue_status: S('open'), queue_order: S(queueOrder(c.created_at, c.case_id)),
        },
        ConditionExpression: 'attribute_not_exists(case_id)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      })));
      return { created: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const body = err.Item?.body?.S;
      return { created: false, ...(body ? { content: ReviewCaseSchema.parse(JSON.parse(body)).content } : {}) };
    }
  }

  private record(item: Record<string, AttributeValue>): CaseRecord {
    return {
      ...(item.body?.S ? { case: ReviewCaseSchema.parse(JSON.parse(item.body.S)) } : {}),
      ...(item.decision?.S ? { decision: CaseDecisionSchema.parse(JSON.parse(item.decision.S)) } : {}),
      ...(item.label_sent_at?.S ? { labelSentAt: item.label_sent_at.S } : {}),
      ...(item.escalations?.L?.length ? { escalations: item.escalations.L.map((e) => CaseEscalationSchema.parse(JSON.parse(e.S!))) } : {}),
    };
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    const res = await this.call('GetItem', () => this.client.send(new GetItemCommand({ TableName: this.table, Key: { case_id: S(caseId) }, ConsistentRead: true })));
    return res.Item ? this.record(res.Item) : undefined;
  }

  async casesOf(entityId: string, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const res = await this.call('Query', () => this.client.send(new QueryCommand({
      TableName: this.table, IndexName: ENTITY_INDEX, KeyConditionExpression: 'entity_id = :e', ExpressionAttributeValues: { ':e': S(entityId) },
      ScanIndexForward: false, Limit: limit,
    })));
    return (res.Items ?? []).map((i) => i.case_id!.S!);
  }

  /** One status's cases from STATUS_INDEX, in queue_order (oldest first, or newest first), at most `limit`. */
  private async queue(status: 'open' | 'closed', limit: number, oldestFirst: boolean): Promise<CaseListing[]> {
    const out: CaseListing[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res: QueryCommandOutput = await this.call('Query', () => this.client.send(new QueryCommand({
        TableName: this.table, IndexName: STATUS_INDEX, ExclusiveStartKey: start, ScanIndexForward: oldestFirst,
        KeyConditionExpression: 'queue_status = :s', ExpressionAttributeValues: { ':s': S(status) },
        // a decision imported without a case is closed but has nothing to list
        ...(status === 'closed' ? { FilterExpression: 'attribute_exists(body)' } : {}),
      })));
      for (const item of res.Items ?? []) {
        const r = this.record(item);
        out.push(listingOf({ ...r, case: r.case! }));
        if (out.length >= limit) return out;
      }
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Queries of STATUS_INDEX, never a Scan: open cases newest first (the index's order), closed ones all
   * read and ordered by creation. Cases written before the index existed lack queue_status and are not
   * listed until `npm run cases -- backfill-index` puts them in it (backfillIndex).
   */
  async list(filter: { open?: boolean; limit: number }): Promise<CaseListing[]> {
    const byCreation = (a: CaseListing, b: CaseListing) => b.created_at.localeCompare(a.created_at);
    if (filter.open === true) return (await this.queue('open', filter.limit, false)).sort(byCreation);
    const closed = await this.queue('closed', Number.MAX_SAFE_INTEGER, false);
    const open = filter.open === false ? [] : await this.queue('open', filter.limit, false);
    return [...open, ...closed].sort(byCreation).slice(0, filter.limit);
  }

  async decide(d: CaseDecision): Promise<{ recorded: true } | { recorded: false; existing: CaseDecision }> {
    try {
      await this.call('UpdateItem', () => this.client.send(new UpdateItemCommand({
        TableName: this.table, Key: { case_id: S(d.case_id) },
        // Closed in the same write: the case leaves the open queue exactly when its decision is recorded.
        UpdateExpression: 'SET decision = :d, queue_status = :closed, queue_order = :o', ConditionExpression: 'attribute_not_exists(decision)',
        ExpressionAttributeValues: { ':d': S(JSON.stringify(d)), ':closed': S('closed'), ':o': S(queueOrder(d.decided_at, d.case_id)) },
      })));
      return { recorded: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      return { recorded: false, existing: (await this.get(d.case_id))!.decision! };
    }
  }

  async escalate(e: CaseEscalation): Promise<{ recorded: true } | { recorded: false; existing: CaseDecision }> {
    try {
      await this.call('UpdateItem', () => this.client.send(new UpdateItemCommand({
        TableName: this.table, Key: { case_id: S(e.case_id) },
        UpdateExpression: 'SET escalations = list_append(if_not_exists(escalations, :none), :e)',
        ConditionExpression: 'attribute_exists(body) AND attribute_not_exists(decision)',
        ExpressionAttributeValues: { ':e': { L: [S(JSON.stringify(e))] }, ':none': { L: [] } },
      })));
      return { recorded: true };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const existing = (await this.get(e.case_id))?.decision;
      if (!existing) throw new Error(`DynamoCaseStore: no case ${e.case_id} in ${this.table} to escalate`);
      return { recorded: false, existing };
    }
  }

  async markLabelSent(caseId: string, at: string): Promise<void> {
    await this.call('UpdateItem', () => this.client.send(new UpdateItemCommand({
      TableName: this.table, Key: { case_id: S(caseId) }, UpdateExpression: 'SET label_sent_at = :t', ConditionExpression: 'attribute_exists(decision)',
      ExpressionAttributeValues: { ':t': S(at) },
    })));
  }

  /**
   * Puts the cases written before STATUS_INDEX existed into it: a Scan for items without
   * queue_status, then per item an UpdateItem conditional on queue_status still being absent (a decision
   * recorded meanwhile sets it, and wins): `closed` by decision time when decided, else `open` by
   * creation time. Safe to run twice, and beside live traffic. Needs Scan and UpdateItem of
   * queue_status/queue_order on the table: the table owner's rights, not CasesAnalystPolicy's.
   */
  async backfillIndex(onProgress?: (done: number) => void): Promise<{ scanned: number; updated: number; skipped: number }> {
    const out = { scanned: 0, updated: 0, skipped: 0 };
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res: ScanCommandOutput = await this.call('Scan', () => this.client.send(new ScanCommand({
        TableName: this.table, ExclusiveStartKey: start, FilterExpression: 'attribute_not_exists(queue_status)', ProjectionExpression: 'case_id, body, decision',
      })));
      for (const item of res.Items ?? []) {
        out.scanned += 1;
        const r = this.record(item);
        const [status, order] = r.decision ? ['closed', queueOrder(r.decision.decided_at, r.decision.case_id)] : r.case ? ['open', queueOrder(r.case.created_at, r.case.case_id)] : [undefined, undefined];
        if (!status || !order) { out.skipped += 1; continue; }
        try {
          await this.call('UpdateItem', () => this.client.send(new UpdateItemCommand({
            TableName: this.table, Key: { case_id: item.case_id! }, UpdateExpression: 'SET queue_status = :s, queue_order = :o',
            ConditionExpression: 'attribute_exists(case_id) AND attribute_not_exists(queue_status)', ExpressionAttributeValues: { ':s': S(status), ':o': S(order) },
          })));
          out.updated += 1;
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
          out.skipped += 1;
        }
        onProgress?.(out.scanned);
      }
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async decisions(): Promise<CaseDecision[]> {
    const out: CaseDecision[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res: ScanCommandOutput = await this.call('Scan', () => this.client.send(new ScanCommand({
        TableName: this.table, ExclusiveStartKey: start, FilterExpression: 'attribute_exists(decision)', ProjectionExpression: 'decision',
      })));
      for (const item of res.Items ?? []) out.push(CaseDecisionSchema.parse(JSON.parse(item.decision!.S!)));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
