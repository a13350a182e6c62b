import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Detector } from '../../src/rules/Detector.js';
import { DetectorFileSchema } from '../../src/rules/detectorFile.js';
import { FileListStore } from '../../src/lists/FileListStore.js';
import { ListCache } from '../../src/lists/ListCache.js';
import { canonicalIp, normaliserFor } from '../../src/lists/normalise.js';
import { runListsCommand, UsageError } from '../../src/cli/lists.js';
import { validTransaction } from '../../../../shared/test/fixtures/transaction.js';

const fileStore = () => new FileListStore(mkdtempSync(join(tmpdir(), 'lists-')));

describe('Lists: normalising values per variable type', () => {
  it.each<[string, string | undefined]>([
    ['010.001.000.255', '10.1.0.255'], ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'], [' ::1 ', '::1'], ['256.1.1.1', undefined], ['not-an-ip', undefined],
    ['0.0.0.0', '0.0.0.0'], ['1.2.3', undefined], ['1.2.3.4.5', undefined], ['1..2.3', undefined], ['1.2.3.4444', undefined], ['1.2.3.4.', undefined], ['１.2.3.4', undefined],
  ])('IP %s -> %s', (v, out) => expect(canonicalIp(v)).toBe(out));

  it('reads dotted IPv4 addresses as the plain definition does (regex, split, every octet at most 255), on 20,000 generated strings', () => {
    // The definition canonicalIp's hand-written scanner must keep: the form is four runs of 1-3 ASCII digits.
    const reference = (value: string) => {
      const v = value.trim();
      if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return 'not dotted';
      const octets = v.split('.').map(Number);
      return octets.every((o) => o <= 255) ? octets.join('.') : undefined;
    };
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed % n; };
    const alphabet = ['0', '1', '2', '5', '9', '.', '.', ' ', 'a', '00', '25', '255', '256', '010'];
    for (let i = 0; i < 20_000; i++) {
      const v = Array.from({ length: 1 + rand(12) }, () => alphabet[rand(alphabet.length)]).join('');
      const want = reference(v);
      if (want !== 'not dotted') expect([v, canonicalIp(v)]).toEqual([v, want]);
    }
  });

  it('lower-cases e-mail addresses, keeps BIN digits and phone digits', () => {
    expect(normaliserFor('EMAIL_ADDRESS')(' Ann@Example.COM ')).toBe('ann@example.com');
    expect(normaliserFor('EMAIL_ADDRESS')('no-at-sign')).toBeUndefined();
    expect(normaliserFor('CARD_BIN')('411111')).toBe('411111');
    expect(normaliserFor('CARD_BIN')('41x111')).toBeUndefined();
    expect(normaliserFor('PHONE_NUMBER')('+1 (555) 010-9999')).toBe('+15550109999');
  });
});

describe('Lists: the CLI (npm run lists)', () => {
  it('creates, adds (normalised, deduplicated), shows and removes entries', async () => {
    const store = fileStore();
    expect(await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], store)).toBe('created list deny_emails (EMAIL_ADDRESS)');
    expect(await runListsCommand(['add', 'deny_emails', 'Bad@X.com', 'bad@x.com', 'other@y.org'], store)).toBe('list deny_emails: 2 added, 1 already present; 2 entries');
    expect(await runListsCommand(['show', 'deny_emails'], store)).toBe('# deny_emails (EMAIL_ADDRESS): 2 entries\nbad@x.com\nother@y.org');
    expect(await runListsCommand(['remove', 'deny_emails', 'BAD@x.com', 'never@z.io'], store)).toBe('list deny_emails: 1 removed, 1 not in the list; 1 entries');
    expect(await runListsCommand(['ls'], store)).toBe('deny_emails\tEMAIL_ADDRESS');
  });

  it('reads values from a file, one per line', async () => {
    const store = fileStore();
    const file = join(store.dir, 'ips.txt');
    await runListsCommand(['create', 'deny_ips', '--type', 'IP_ADDRESS'], store);
    writeFileSync(file, '10.0.0.1\n\n2001:db8:0::1\n');
    expect(await runListsCommand(['add', 'deny_ips', '--file', file], store)).toMatch(/2 added/);
    expect((await store.read('deny_ips')).elements.sort()).toEqual(['10.0.0.1', '2001:db8::1']);
  });

  it.each<[string[], RegExp]>([
    [['add', 'deny_emails', 'not-an-email'], /"not-an-email" is not a valid EMAIL_ADDRESS for list deny_emails/],
    [['add', 'Deny', 'x'], /list name "Deny": lower-case letters/],
    [['create', 'x'], /create needs --type, one of AFD's variable types/],
    [['add', 'deny_emails'], /add needs at least one value/],
    [['frobnicate', 'deny_emails'], /usage: npm run lists/],
  ])('refuses %j', async (argv, message) => {
    const store = fileStore();
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], store);
    await expect(runListsCommand(argv, store)).rejects.toThrow(UsageError);
    await expect(runListsCommand(argv, store)).rejects.toThrow(message);
  });

  it('names the list and how to create it when it does not exist', async () => {
    await expect(runListsCommand(['add', 'nope', 'a'], fileStore())).rejects.toThrow(/list nope: does not exist .*npm run lists -- create nope --type/);
  });
});

describe('Lists: rules see list changes', () => {
  const detectorOver = async (store: FileListStore) => Detector.load(DetectorFileSchema.parse({ ruleExecutionMode: 'ALL_MATCHED', rules: [
    { ruleId: 'deny_email', expression: '$customer_email in @deny_emails', outcomes: ['block'] },
    { ruleId: 'allow_ip', expression: '$ip_address in @allow_ips and $insightscore < 950', outcomes: ['approve'] },
    { ruleId: 'not_allowed_big', expression: '$ip_address not in @allow_ips and $order_price > 1000', outcomes: ['review'] },
  ] }), (names) => ListCache.open(store, names, { refreshMs: 0 }));

  it('a change made with the CLI reaches the next decision at once (file store)', async () => {
    const store = fileStore();
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], store);
    await runListsCommand(['create', 'allow_ips', '--type', 'IP_ADDRESS'], store);
    const d = await detectorOver(store);
    const tx = validTransaction({ email_address: 'Mallory@Evil.example', ip_address: '10.0.0.7', transaction_amt: 2000 });
    expect(d.decide({ tx, score: 10 })).toMatchObject({ outcome: 'review', outcomes: ['review'] });

    await runListsCommand(['add', 'deny_emails', 'mallory@evil.example'], store);
    await runListsCommand(['add', 'allow_ips', '010.0.0.7'], store);
    await d.refresh();
    expect(d.decide({ tx, score: 10 })).toMatchObject({ outcome: 'block', outcomes: ['block', 'approve'] });

    await runListsCommand(['remove', 'deny_emails', 'MALLORY@evil.example'], store);
    await d.refresh();
    expect(d.decide({ tx, score: 10 })).toMatchObject({ outcome: 'approve', ruleResults: [{ ruleId: 'allow_ip' }] });
  });

  it('fails to load a detector whose rule names a list that does not exist, naming it', async () => {
    await expect(detectorOver(fileStore())).rejects.toThrow(/list (deny_emails|allow_ips): does not exist/);
  });

  it('keeps scoring with the last entries when the store cannot be read', async () => {
    const store = fileStore();
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], store);
    await runListsCommand(['create', 'allow_ips', '--type', 'IP_ADDRESS'], store);
    await runListsCommand(['add', 'deny_emails', 'a@b.example'], store);
    const d = await detectorOver(store);
    writeFileSync(join(store.dir, 'deny_emails.json'), '{ broken');
    await d.refresh();
    expect(d.decide({ tx: validTransaction({ email_address: 'a@b.example' }), score: 1 }).outcome).toBe('block');
    expect(readFileSync(join(store.dir, 'deny_emails.json'), 'utf8')).toBe('{ broken');
  });

  it('checks the store no more often than the refresh interval', async () => {
    const store = fileStore();
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], store);
    let now = 0;
    const cache = await ListCache.open(store, ['deny_emails'], { refreshMs: 30_000, now: () => now });
    await runListsCommand(['add', 'deny_emails', 'x@y.example'], store);
    now = 29_999;
    await cache.refresh();
    expect(cache.handle('deny_emails')!.entries.has('x@y.example')).toBe(false);
    now = 30_000;
    await cache.refresh();
    expect(cache.handle('deny_emails')!.entries.has('x@y.example')).toBe(true);
  });
});
