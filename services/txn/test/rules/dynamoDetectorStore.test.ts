import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createLogger } from '@sfc/shared';
import { Detector } from '../../src/rules/Detector.js';
import { DynamoDetectorStore } from '../../src/rules/DynamoDetectorStore.js';
import { DynamoListStore } from '../../src/lists/DynamoListStore.js';
import { thresholdDetector } from '../../src/rules/detectorFile.js';
import { detectorFileOf, versionLabel } from '../../src/rules/detectorVersion.js';
import { VersionedDetector } from '../../src/rules/VersionedDetector.js';
import { TransactionSimulator } from '../../src/simulator/simulator.js';
import { uniqueName, useMotoDynamo } from '../../../../shared/test/support/moto.js';
import { body, shadowContract, statusContract } from './detectorStoreContract.js';
import { runDetectorsCommand } from '../../src/cli/detectors.js';

const noLists = async () => { throw new Error('no lists here'); };

describe('Detector versions: DynamoDetectorStore in the lists table (moto)', () => {
  const aws = useMotoDynamo();

  async function freshTable(): Promise<string> {
    const table = uniqueName('lists');
    await aws.ddb.send(new CreateTableCommand({
      TableName: table, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'list', AttributeType: 'S' }, { AttributeName: 'element', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'list', KeyType: 'HASH' }, { AttributeName: 'element', KeyType: 'RANGE' }],
    }));
    return table;
  }

  it('AFD\'s status moves, one ACTIVE, rollback; the lists in the same table are untouched', async () => {
    const table = await freshTable();
    const lists = new DynamoListStore(table, { client: aws.ddb });
    await lists.create('deny_emails', 'EMAIL_ADDRESS');
    await statusContract(new DynamoDetectorStore(table, { client: aws.ddb }));
    expect((await lists.list()).map((m) => m.name)).toEqual(['deny_emails']);
  });

  it('a status change based on a stale read is refused, not lost (conditional on the revision)', async () => {
    const table = await freshTable();
    const a = new DynamoDetectorStore(table, { client: aws.ddb });
    await a.create('payments', body('$order_price > 1'));
    await a.create('payments', body('$order_price > 2'));
    await a.setStatus('payments', '1', 'ACTIVE');
    // Editor B reads the status, then A deactivates 1 before B's write reaches the table.
    let release!: () => void;
    let ready!: () => void;
    const aDone = new Promise<void>((r) => { release = r; });
    const bRead = new Promise<void>((r) => { ready = r; });
    const slow = { send: async (cmd: unknown) => { if (cmd instanceof PutItemCommand) { ready(); await aDone; } return aws.ddb.send(cmd as PutItemCommand); } } as unknown as DynamoDBClient;
    const b = new DynamoDetectorStore(table, { client: slow }).setStatus('payments', '2', 'ACTIVE');
    await bRead;
    await a.setStatus('payments', '1', 'INACTIVE');
    release();
    await expect(b).rejects.toThrow(/detector payments: its status was changed by someone else meanwhile/);
    expect((await a.versions('payments')).map((v) => `${v.detectorVersionId}:${v.status}`)).toEqual(['1:INACTIVE', '2:DRAFT']);
  });

  it('score sees an activation within its refresh interval (LISTS_REFRESH_SECONDS), not before', async () => {
    const table = await freshTable();
    const store = new DynamoDetectorStore(table, { client: aws.ddb });
    let now = 0;
    const fallback = await Detector.load(thresholdDetector({ block: 900, review: 700 }), noLists);
    const detector = await VersionedDetector.open({
      store, detectorId: '', fallback, refreshMs: 30_000, now: () => now, logger: createLogger('test', { level: 'silent' }),
      load: (v) => Detector.load(detectorFileOf(v), noLists, 'test', versionLabel(v.detectorId, v.detectorVersionId)),
    });
    const ctx = { tx: new TransactionSimulator({ seed: 1, customers: 5 }).generate(0, 86_400_000, 1)[0]!.transaction, score: 10 };
    expect(detector.decide(ctx).outcome).toBe('approve');
    await store.create('payments', body('$order_price >= 0', 'review'));
    await store.setStatus('payments', '1', 'ACTIVE');
    now = 29_999; await detector.refresh();
    expect(detector.version).toBeUndefined();
    now = 30_000; await detector.refresh();
    expect(detector.decide(ctx)).toMatchObject({ outcome: 'review', fd: { detector_version: 'payments:1' } });
  });

  it('shadow and unshadow through the CLI: the status item names the SHADOW, under its revision condition', async () => {
    const table = await freshTable();
    const store = new DynamoDetectorStore(table, { client: aws.ddb });
    const env = { store, lists: new DynamoListStore(table, { client: aws.ddb }), check: (v: Parameters<typeof detectorFileOf>[0]) => Detector.load(detectorFileOf(v), noLists) };
    const revBefore = Number(await store.stamp('cards') ?? 0);
    await shadowContract(store, (...args) => runDetectorsCommand(args, env));
    expect(Number(await store.stamp('cards'))).toBeGreaterThan(revBefore);
  });

  it('score sees a shadow change at the same moments as an activation: within LISTS_REFRESH_SECONDS', async () => {
    const table = await freshTable();
    const store = new DynamoDetectorStore(table, { client: aws.ddb });
    let now = 0;
    const fallback = await Detector.load(thresholdDetector({ block: 900, review: 700 }), noLists);
    const detector = await VersionedDetector.open({
      store, detectorId: '', fallback, refreshMs: 30_000, now: () => now, logger: createLogger('test', { level: 'silent' }),
      load: (v) => Detector.load(detectorFileOf(v), noLists, 'test', versionLabel(v.detectorId, v.detectorVersionId)),
    });
    await store.create('payments', body('$order_price >= 0', 'review'));
    await store.create('payments', body('$order_price >= 0', 'block'));
    await store.setStatus('payments', '1', 'ACTIVE');
    await store.setShadow('payments', '2');
    now = 29_999; await detector.refresh();
    expect(detector.shadowVersion).toBeUndefined();
    now = 30_000; await detector.refresh();
    expect([detector.version, detector.shadowVersion]).toEqual(['payments:1', 'payments:2']);
    await store.setShadow('payments', null);
    now = 59_999; await detector.refresh();
    expect(detector.shadowVersion).toBe('payments:2');
    now = 60_000; await detector.refresh();
    expect(detector.shadowVersion).toBeUndefined();
  });
});
