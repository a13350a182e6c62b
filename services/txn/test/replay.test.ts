import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { createLogger, DlqRecordSchema, MemoryTopics, ScoredTransactionSchema, type DecodedMskRecord, type EntityState, type Transaction } from '@sfc/shared';
import { DynamoEntityState } from '@sfc/shared/adapters/DynamoEntityState.js';
import { MemoryEntityState } from '@sfc/shared/adapters/MemoryEntityState.js';
import { PackedEntityState } from '@sfc/shared/adapters/PackedEntityState.js';
import { scoreBatch } from '../src/pipeline/scoreBatch.js';
import { replayId } from '../src/scoring/replay.js';
import { transactionEvent, type OnnxFraudScorer } from '../src/scoring/OnnxFraudScorer.js';
import { TransactionSimulator } from '../src/simulator/simulator.js';
import { startMoto, uniqueName, useDummyAwsCredentials, type Moto } from '../../../shared/test/support/moto.js';
import { recordOf } from './support/records.js';
import { shippedScorer } from './support/model.js';

const T0 = Date.parse('2026-11-20T00:00:00Z');
// Few customers and merchants, so a batch holds several events of one customer and of one merchant.
const txs = new TransactionSimulator({ seed: 17, customers: 60, merchants: 20, fraudRate: 0.05 }).generate(T0, T0 + 2 * 86_400_000, 600).map((e) => e.transaction);
const records = txs.map((t, i) => recordOf(t, i));

let moto: Moto;
let client: DynamoDBClient;
beforeAll(async () => {
  useDummyAwsCredentials();
  moto = await startMoto();
  client = new DynamoDBClient({ endpoint: moto.endpoint, region: 'us-east-1' });
}, 60_000);
afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

async function dynamoState(): Promise<EntityState<number[]>> {
  const TableName = uniqueName('entity');
  await client.send(new CreateTableCommand({
    TableName, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'entity_id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'entity_id', KeyType: 'HASH' }],
  }));
  await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' } }));
  return new DynamoEntityState<number[]>({ client, tableName: TableName, ttlSeconds: 30 * 86_400 });
}

/** A scorer over a fresh store, and a way to run score batches and read their decisions. */
async function pipeline(state: EntityState<number[]>) {
  const scorer = await shippedScorer(0, state);
  const topics = new MemoryTopics(1);
  const deps = { scorer, producer: topics, topics: { processed: 'processed', dlq: 'dlq' }, rules: { block: 500, review: 100 }, maxRecordBytes: 65_536, logger: createLogger('test', { level: 'silent' }) };
  return {
    scorer,
    deadLettered: () => topics.readAll('dlq').map((r) => DlqRecordSchema.parse(JSON.parse(r.value.toString()))),
    async score(batch: DecodedMskRecord[]) {
      const before = topics.readAll('processed').length;
      await scoreBatch(batch, deps);
      return topics.readAll('processed').slice(before).map((r) => {
        const s = ScoredTransactionSchema.parse(JSON.parse(r.value.toString()));
        return { event_id: s.event_id, score: s.fd.score, outcome: s.fd.outcome, reasons: s.fd.reasons };
      });
    },
  };
}

/** Every state entry these transactions read or write: customers, merchants, IP addresses, remembered decisions. */
async function snapshot(state: EntityState<number[]>, scorer: OnnxFraudScorer, of: Transaction[]) {
  const ids = new Set<string>();
  for (const t of of) {
    const ev = transactionEvent(t, scorer.features);
    ids.add(replayId(t.event_id));
    for (const id of scorer.features.engine.idsOf(ev)) if (id) ids.add(id);
  }
  return Object.fromEntries([...(await state.getMany([...ids])).entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe.each<[string, () => Promise<EntityState<number[]>>]>([
  ['memory', async () => new MemoryEntityState<number[]>({ ttlSeconds: 30 * 86_400 })],
  ['packed', async () => new PackedEntityState({ maxEntities: 10_000, ttlSeconds: 30 * 86_400 })],
  ['DynamoDB (moto)', dynamoState],
])('Replay-safe scoring: %s entity state', (_name, makeState) => {
  it('scores the same batch twice with identical decisions and leaves the state as the first run left it', async () => {
    // Prepare
    const state = await makeState();
    const p = await pipeline(state);
    const first = await p.score(records.slice(0, 400));
    const after = await snapshot(state, p.scorer, txs);
    // Act
    const again = await p.score(records.slice(0, 400));
    // Assess
    expect(again).toEqual(first);
    expect(first.some((d) => d.reasons.length > 0)).toBe(true);
    expect(await snapshot(state, p.scorer, txs)).toEqual(after);
  }, 60_000);

  it('scores a batch that overlaps the previous one as if only its new events had come', async () => {
    // Prepare: the reference sees each event once.
    const refState = await makeState();
    const ref = await pipeline(refState);
    const reference = [...(await ref.score(records.slice(0, 400))), ...(await ref.score(records.slice(400)))];
    const state = await makeState();
    const p = await pipeline(state);
    await p.score(records.slice(0, 400));
    // Act: a retry re-reads events 200-399 together with the new 400-599, and one event twice.
    const overlapping = await p.score([...records.slice(200), records[450]!]);
    // Assess
    const byId = new Map(reference.map((d) => [d.event_id, d]));
    expect(overlapping).toEqual([...records.slice(200), records[450]!].map((_, i) => byId.get(txs[i < 400 ? 200 + i : 450]!.event_id)));
    expect(await snapshot(state, p.scorer, txs)).toEqual(await snapshot(refState, ref.scorer, txs));
  }, 60_000);

  it('dead-letters a reused event id with other content (a later batch, and within one batch) and changes no state for it', async () => {
    // Prepare: an impostor takes the id of an event already scored, and of one earlier in its own batch
    const state = await makeState();
    const p = await pipeline(state);
    const first = await p.score(records.slice(0, 100));
    const impostor = (t: Transaction): Transaction => ({ ...t, entity_id: 'impostor-1', transaction_amt: 99_999, ip_address: '203.0.113.77' });
    const reused = [records[5]!, recordOf(impostor(txs[5]!), 700), recordOf(impostor(txs[150]!), 701)];
    // Act: event 5's impostor before its genuine replay, then event 150 (new) and its impostor
    const again = await p.score([reused[1]!, reused[0]!, records[150]!, reused[2]!]);
    // Assess: the genuine events are decided as before; each impostor is dead-lettered, never scored
    expect(again.map((d) => d.event_id)).toEqual([txs[5]!.event_id, txs[150]!.event_id]);
    expect(again[0]).toEqual(first[5]);
    const dlq = p.deadLettered();
    expect(dlq.map((d) => [d.source.offset, d.error.kind, d.error.field])).toEqual([['700', 'conflict', 'event_id'], ['701', 'conflict', 'event_id']]);
    expect(dlq[0]!.error.reason).toMatch(/already scored within ENTITY_REPLAY_HOURS/);
    expect(dlq[1]!.error.reason).toMatch(/earlier in this batch/);
    // The state is as if the impostors had never come
    const refState = await makeState();
    const ref = await pipeline(refState);
    await ref.score(records.slice(0, 100));
    await ref.score([records[5]!, records[150]!]);
    const all = [...txs, impostor(txs[5]!), impostor(txs[150]!)];
    expect(await snapshot(state, p.scorer, all)).toEqual(await snapshot(refState, ref.scorer, all));
  }, 60_000);
});

