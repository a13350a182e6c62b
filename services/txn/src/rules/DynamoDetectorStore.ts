import { DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, type AttributeValue, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import { ConfigError } from '@sfc/shared';
import { awsClientConfig, wrapAwsError } from '@sfc/shared/adapters/awsClientConfig.js';
import { DetectorVersionBodySchema, VERSION_ID, type DetectorVersion, type DetectorVersionBody } from './detectorVersion.js';
import { applyRollback, applyShadow, applyStatus, EMPTY_STATUS, statusOf, StatusRecordSchema, type DetectorStore, type StatusChange, type StatusRecord } from './DetectorStore.js';

const ADAPTER = 'DynamoDetectorStore';
const S = (s: string): AttributeValue => ({ S: s });
/** Partitions in the lists table (keys `list`, `element`) that no list name can take ('#' is not in AFD's list pattern). */
const REGISTRY = '#detectors';
const partition = (d: string) => `#detector#${d}`;
const STATUS = '#status';
const versionKey = (v: string) => `v#${v}`;
const DETECTOR_ID = /^[0-9a-z_-]{1,64}$/;

/**
 * Detector versions in the lists table (LISTS_TABLE), beside the lists they use: partition
 * `#detector#<id>` holds one item per version (`v#<n>`, the body as JSON) and the status item
 * (`#status`: which version is ACTIVE, with a revision number). Status changes are a PutItem
 * conditional on the revision read, so of two concurrent changes one fails and is told to run again;
 * `#detectors` registers the detector ids. `score` reads (GetItem, Query) only; writes need the
 * editors' policy (ListsEditorPolicy), as for lists.
 */
export class DynamoDetectorStore implements DetectorStore {
  readonly client: DynamoDBClient;

  constructor(private readonly table: string, options: { client?: DynamoDBClient; endpoint?: string } = {}) {
    this.client = options.client ?? new DynamoDBClient(awsClientConfig(options.endpoint));
  }

  private async call<T>(operation: string, f: () => Promise<T>): Promise<T> {
    try { return await f(); } catch (err) { throw wrapAwsError(ADAPTER, `${operation} on ${this.table}`, err); }
  }

  private check(d: string, v?: string) {
    if (!DETECTOR_ID.test(d)) throw new ConfigError(`detector ${JSON.stringify(d)}`, 'lower-case letters, digits, \'_\' and \'-\' (AFD\'s pattern), at most 64');
    if (v !== undefined && !VERSION_ID.test(v)) throw new ConfigError(`detector ${d} version ${JSON.stringify(v)}`, 'a version is a whole number from 1 (AFD\'s detectorVersionId)');
  }

  private async statusItem(d: string): Promise<{ record: StatusRecord; rev: number }> {
    const res = await this.call('GetItem', () => this.client.send(new GetItemCommand({ TableName: this.table, Key: { list: S(partition(d)), element: S(STATUS) }, ConsistentRead: true })));
    if (!res.Item) return { record: EMPTY_STATUS, rev: 0 };
    return { record: StatusRecordSchema.parse(JSON.parse(res.Item.state!.S!)), rev: Number(res.Item.rev!.N) };
  }

  private toVersion(d: string, item: Record<string, AttributeValue>, status: StatusRecord): DetectorVersion {
    const v = item.element!.S!.slice(2);
    const parsed = DetectorVersionBodySchema.safeParse(JSON.parse(item.body!.S!));
    if (!parsed.success) throw new ConfigError(`detector ${d} version ${v}`, `table ${this.table}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    return { detectorId: d, detectorVersionId: v, status: statusOf(status, v), body: parsed.data, createdTime: item.createdTime!.S! };
  }

  private async query(pk: string): Promise<Record<string, AttributeValue>[]> {
    const out: Record<string, AttributeValue>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const res: QueryCommandOutput = await this.call('Query', () => this.client.send(new QueryCommand({
        TableName: this.table, KeyConditionExpression: '#l = :l', ExpressionAttributeValues: { ':l': S(pk) }, ExpressionAttributeNames: { '#l': 'list' }, ExclusiveStartKey: start, ConsistentRead: true,
      })));
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async detectors(): Promise<string[]> { return (await this.query(REGISTRY)).map((i) => i.element!.S!).sort(); }

  async versions(d: string): Promise<DetectorVersion[]> {
    this.check(d);
    const items = await this.query(partition(d));
    const s = items.find((i) => i.element!.S === STATUS);
    const status = s ? StatusRecordSchema.parse(JSON.parse(s.state!.S!)) : EMPTY_STATUS;
    return items.filter((i) => i.element!.S!.startsWith('v#')).map((i) => this.toVersion(d, i, status))
      .sort((a, b) => Number(a.detectorVersionId) - Number(b.detectorVersionId));
  }

  async get(d: string, v: string): Promise<DetectorVersion> {
    this.check(d, v);
    const res = await this.call('GetItem', () => this.client.send(new GetItemCommand({ TableName: this.table, Key: { list: S(partition(d)), element: S(versionKey(v)) }, ConsistentRead: true })));
    if (!res.Item) throw new ConfigError(`detector ${d} version ${v}`, `does not exist in table ${this.table}; see: npm run detectors -- show ${d}`);
    return this.toVersion(d, res.Item, (await this.statusItem(d)).record);
  }

  async create(d: string, body: DetectorVersionBody, preferredId?: string): Promise<DetectorVersion> {
    this.check(d, preferredId);
    const parsed = DetectorVersionBodySchema.parse(body);
    const createdTime = new Date().toISOString();
    const taken = (await this.versions(d)).map((v) => v.detectorVersionId);
    let next = preferredId && !taken.includes(preferredId) ? preferredId : String(Math.max(0, ...taken.map(Number)) + 1);
    await this.call('PutItem', () => this.client.send(new PutItemCommand({ TableName: this.table, Item: { list: S(REGISTRY), element: S(d) } })));
    for (;;) {
      try {
        await this.client.send(new PutItemCommand({
          TableName: this.table, Item: { list: S(partition(d)), element: S(versionKey(next)), body: S(JSON.stringify(parsed)), createdTime: S(createdTime) },
          ConditionExpression: 'attribute_not_exists(#e)', ExpressionAttributeNames: { '#e': 'element' },
        }));
        return { detectorId: d, detectorVersionId: next, status: 'DRAFT', body: parsed, createdTime };
      } catch (err) {
        if ((err as Error).name !== 'ConditionalCheckFailedException') throw wrapAwsError(ADAPTER, `PutItem on ${this.table}`, err);
        next = String(Number(next) + 1);
      }
    }
  }

  async update(d: string, v: string, body: DetectorVersionBody) {
    const current = await this.get(d, v);
    if (current.status !== 'DRAFT') throw new ConfigError(`detector ${d} version ${v}`, `is ${current.status}: only DRAFT versions can be changed (create a new one: npm run detectors -- create-version ${d} --from ${v})`);
    await this.call('PutItem', () => this.client.send(new PutItemCommand({
      TableName: this.table, Item: { list: S(partition(d)), element: S(versionKey(v)), body: S(JSON.stringify(DetectorVersionBodySchema.parse(body))), createdTime: S(current.createdTime) },
    })));
  }

  /** Writes the status item only if nobody changed it since it was read. */
  private async writeStatus(d: string, change: (r: StatusRecord) => { record: StatusRecord; change: StatusChange }): Promise<StatusChange> {
    const { record, rev } = await this.statusItem(d);
    const next = change(record);
    try {
      await this.client.send(new PutItemCommand({
        TableName: this.table, Item: { list: S(partition(d)), element: S(STATUS), state: S(JSON.stringify(next.record)), rev: { N: String(rev + 1) } },
        ConditionExpression: rev === 0 ? 'attribute_not_exists(#e)' : '#r = :r', ExpressionAttributeNames: rev === 0 ? { '#e': 'element' } : { '#r': 'rev' },
        ...(rev === 0 ? {} : { ExpressionAttributeValues: { ':r': { N: String(rev) } } }),
      }));
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') throw new ConfigError(`detector ${d}`, 'its status was changed by someone else meanwhile; look (npm run detectors -- show) and run again');
      throw wrapAwsError(ADAPTER, `PutItem on ${this.table}`, err);
    }
    return next.change;
  }

  async setStatus(d: string, v: string, to: 'ACTIVE' | 'INACTIVE') {
    await this.get(d, v);
    return this.writeStatus(d, (r) => applyStatus(r, d, v, to));
  }

  async rollback(d: string) { this.check(d); return this.writeStatus(d, (r) => applyRollback(r, d)); }

  async stamp(d: string): Promise<string | undefined> {
    this.check(d);
    const { rev } = await this.statusItem(d);
    return rev === 0 ? undefined : String(rev);
  }

  async active(d: string): Promise<DetectorVersion | undefined> {
    this.check(d);
    const { record } = await this.statusItem(d);
    return record.active ? this.get(d, record.active) : undefined;
  }

  async setShadow(d: string, v: string | null) {
    this.check(d);
    if (v !== null) await this.get(d, v);
    return this.writeStatus(d, (r) => applyShadow(r, d, v));
  }

  async live(d: string) {
    this.check(d);
    const { record } = await this.statusItem(d);
    return {
      ...(record.active ? { active: await this.get(d, record.active) } : {}),
      ...(record.shadow ? { shadow: await this.get(d, record.shadow) } : {}),
    };
  }
}
