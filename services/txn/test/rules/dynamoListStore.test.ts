import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoListStore } from '../../src/lists/DynamoListStore.js';
import { ListCache } from '../../src/lists/ListCache.js';
import { runListsCommand } from '../../src/cli/lists.js';
import { uniqueName, useMotoDynamo } from '../../../../shared/test/support/moto.js';

describe('Lists: DynamoListStore (moto)', () => {
  const aws = useMotoDynamo();

  async function freshStore(): Promise<DynamoListStore> {
    const table = uniqueName('lists');
    await aws.ddb.send(new CreateTableCommand({
      TableName: table, BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'list', AttributeType: 'S' }, { AttributeName: 'element', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'list', KeyType: 'HASH' }, { AttributeName: 'element', KeyType: 'RANGE' }],
    }));
    return new DynamoListStore(table, { client: aws.ddb });
  }

  it('creates a list, appends and removes entries in transactions of 99, bumping the version each time', async () => {
    const store = await freshStore();
    await store.create('deny_bins', 'CARD_BIN', 'BINs of stolen cards');
    await expect(store.create('deny_bins', 'CARD_BIN')).rejects.toThrow(/list deny_bins: already exists/);
    const bins = Array.from({ length: 250 }, (_, i) => String(400_000 + i));
    const before = (await store.versions(['deny_bins', 'missing'])).get('deny_bins');
    expect(await store.append('deny_bins', bins)).toBe(250);
    const { meta, elements } = await store.read('deny_bins');
    expect(meta).toMatchObject({ name: 'deny_bins', variableType: 'CARD_BIN', description: 'BINs of stolen cards' });
    expect(elements.sort()).toEqual(bins);
    const versions = await store.versions(['deny_bins', 'missing']);
    expect(Number(versions.get('deny_bins'))).toBe(Number(before) + 3);
    expect(versions.get('missing')).toBeUndefined();
    await store.remove('deny_bins', bins.slice(0, 100));
    expect((await store.read('deny_bins')).elements).toHaveLength(150);
    expect((await store.list()).map((m) => m.name)).toEqual(['deny_bins']);
  });

  it('refuses writes to a list that does not exist, naming it', async () => {
    const store = await freshStore();
    await expect(store.append('nope', ['1'])).rejects.toThrow(/list nope: does not exist in table .*npm run lists -- create nope/);
    await expect(store.read('nope')).rejects.toThrow(/list nope: does not exist/);
  });

  it('a change made with the CLI reaches scoring at the next refresh after the interval', async () => {
    const store = await freshStore();
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], store);
    let now = 0;
    const cache = await ListCache.open(store, ['deny_emails'], { refreshMs: 30_000, now: () => now });
    await runListsCommand(['add', 'deny_emails', 'Eve@Example.org'], store);
    await cache.refresh();
    expect(cache.handle('deny_emails')!.entries.has('eve@example.org')).toBe(false);
    now = 30_000;
    await cache.refresh();
    expect(cache.handle('deny_emails')!.entries.has('eve@example.org')).toBe(true);
  });
});
