import { CreateTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoCaseStore, ENTITY_INDEX } from '../../src/cases/DynamoCaseStore.js';
import { decide } from '../../src/cases/decide.js';
import { actBatch } from '../../src/pipeline/actBatch.js';
import { caseStoreContract } from './contract.js';
import { actDeps, labelsTopic, records, scored } from './support.js';
import { uniqueName, useMotoDynamo } from '../../../../shared/test/support/moto.js';

describe('Cases: DynamoCaseStore (moto)', () => {
  const aws = useMotoDynamo();

  /** The table as resources/data.yml declares it (CasesTable). */
  async function freshStore(): Promise<DynamoCaseStore> {
    const table = uniqueName('cases');
    await aws.ddb.send(new CreateTableCommand({
      TableName: table, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'case_id', AttributeType: 'S' }, { AttributeName: 'entity_id', AttributeType: 'S' }, { AttributeName: 'entity_order', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'case_id', KeyType: 'HASH' }],
      GlobalSecondaryIndexes: [{ IndexName: ENTITY_INDEX, KeySchema: [{ AttributeName: 'entity_id', KeyType: 'HASH' }, { AttributeName: 'entity_order', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
    }));
    return new DynamoCaseStore(table, { client: aws.ddb });
  }

  caseStoreContract(freshStore);

  it('never overwrites a case or a decision: both writes are conditional', async () => {
    const store = await freshStore();
    await actBatch(records([scored(1, 'review')]), actDeps(store));
    const table = (store as unknown as { table: string }).table;
    const body = (await aws.ddb.send(new GetItemCommand({ TableName: table, Key: { case_id: { S: 'evt-1' } } }))).Item!.body!.S;
    // The same event scored again with another content: the first case stays.
    const again = await actBatch(records([{ ...scored(1, 'review'), transaction_amt: 999 }]), actDeps(store));
    expect([again.casesCreated, again.casesExisting]).toEqual([0, 1]);
    // The conflicting content is reported from the failed PutItem itself (ALL_OLD), without a read.
    const conflict = await store.create({ ...(await store.get('evt-1'))!.case!, content: 'f'.repeat(64) });
    expect(conflict).toEqual({ created: false, content: JSON.parse(body!).content });
    await decide(store, labelsTopic().sink, { caseId: 'evt-1', label: 'fraud', analyst: 'ana', source: 'analyst' });
    const item = (await aws.ddb.send(new GetItemCommand({ TableName: table, Key: { case_id: { S: 'evt-1' } } }))).Item!;
    expect(item.body!.S).toBe(body);
    await expect(store.decide({ ...JSON.parse(item.decision!.S!), label: 'legit', analyst: 'bob' })).resolves.toMatchObject({ recorded: false, existing: { analyst: 'ana' } });
    // markLabelSent never creates an item for an undecided id.
    await expect(store.markLabelSent('evt-unknown', new Date().toISOString())).rejects.toThrow();
  });
});
