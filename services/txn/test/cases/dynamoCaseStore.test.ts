import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoCaseStore, STATUS_INDEX } from '../../src/cases/DynamoCaseStore.js';
import { decide } from '../../src/cases/decide.js';
import { actBatch } from '../../src/pipeline/actBatch.js';
import { runCasesCommand } from '../../src/cases/cli.js';
import { caseStoreContract } from './contract.js';
import { actDeps, createCasesTable, labelsTopic, records, scored } from './support.js';
import { uniqueName, useMotoDynamo } from '../../../../shared/test/support/moto.js';

describe('Cases: DynamoCaseStore (moto)', () => {
  const aws = useMotoDynamo();

  /** The table as resources/data.yml declares it (CasesTable). */
  const freshStore = async (): Promise<DynamoCaseStore> => new DynamoCaseStore(await createCasesTable(aws.ddb, uniqueName('cases')), { client: aws.ddb });

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

  it('lists from the by_status index, never a Scan: open cases leave it for closed in the decision\'s own write', async () => {
    const store = await freshStore();
    await actBatch(records([scored(1, 'review'), scored(2, 'review', { minute: 5 }), scored(3, 'review', { minute: 9 })]), actDeps(store));
    await decide(store, labelsTopic().sink, { caseId: 'evt-2', label: 'legit', analyst: 'ana', source: 'analyst' });
    // A label imported for an event with no case: closed in the index, but nothing to list.
    await decide(store, labelsTopic().sink, { caseId: 'evt-none', entityId: 'cust-9', label: 'fraud', analyst: 'ana', source: 'import' });
    const sent: { command: string; index?: string }[] = [];
    aws.ddb.middlewareStack.add((next, context) => async (args) => {
      sent.push({ command: context.commandName!, index: (args.input as { IndexName?: string }).IndexName });
      return next(args);
    }, { step: 'initialize', name: 'recordCommands' });
    try {
      const open = await store.list({ open: true, limit: 10 });
      const closed = await store.list({ open: false, limit: 10 });
      const all = await store.list({ limit: 2 });
      expect(open.map((c) => c.case_id).sort()).toEqual(['evt-1', 'evt-3']);
      expect(closed.map((c) => `${c.case_id}:${c.decision}`)).toEqual(['evt-2:legit']);
      expect(all).toHaveLength(2);
      expect(new Set(sent.map((s) => `${s.command}:${s.index}`))).toEqual(new Set([`QueryCommand:${STATUS_INDEX}`]));
    } finally {
      aws.ddb.middlewareStack.remove('recordCommands');
    }
    const table = (store as unknown as { table: string }).table;
    const item = (await aws.ddb.send(new GetItemCommand({ TableName: table, Key: { case_id: { S: 'evt-2' } } }))).Item!;
    expect([item.queue_status!.S, item.queue_order!.S]).toEqual(['closed', `${JSON.parse(item.decision!.S!).decided_at}~evt-2`]);
    expect((await aws.ddb.send(new GetItemCommand({ TableName: table, Key: { case_id: { S: 'evt-1' } } }))).Item!.queue_status!.S).toBe('open');
  });

  it('npm run cases -- backfill-index puts cases written before the index into it: open by creation, closed by decision; twice is harmless', async () => {
    const store = await freshStore();
    const table = (store as unknown as { table: string }).table;
    await actBatch(records([scored(1, 'review'), scored(2, 'review', { minute: 5 }), scored(3, 'review', { minute: 9 })]), actDeps(store));
    await decide(store, labelsTopic().sink, { caseId: 'evt-2', label: 'fraud', analyst: 'ana', source: 'analyst' });
    // As the table held them before the index existed: no queue_status, no queue_order.
    for (const id of ['evt-1', 'evt-2']) {
      await aws.ddb.send(new UpdateItemCommand({ TableName: table, Key: { case_id: { S: id } }, UpdateExpression: 'REMOVE queue_status, queue_order' }));
    }
    expect((await store.list({ limit: 10 })).map((c) => c.case_id)).toEqual(['evt-3']);
    const sink = labelsTopic().sink;

    const first = await runCasesCommand(['backfill-index'], store, sink);
    const again = await runCasesCommand(['backfill-index'], store, sink);

    expect(first).toBe("backfill-index: 2 cases without queue_status scanned, 2 put in the queue's index, 0 skipped (decided meanwhile, or nothing to list)");
    expect(again).toMatch(/^backfill-index: 0 cases without queue_status scanned/);
    expect((await store.list({ open: true, limit: 10 })).map((c) => c.case_id).sort()).toEqual(['evt-1', 'evt-3']);
    expect((await store.list({ open: false, limit: 10 })).map((c) => `${c.case_id}:${c.decision}`)).toEqual(['evt-2:fraud']);
    const item = (await aws.ddb.send(new GetItemCommand({ TableName: table, Key: { case_id: { S: 'evt-2' } } }))).Item!;
    expect(item.queue_order!.S).toBe(`${JSON.parse(item.decision!.S!).decided_at}~evt-2`);
  });
});
