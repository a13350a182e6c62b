import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxNotifier } from '../../src/adapters/OutboxNotifier.js';
import { notifierContract, type Delivered } from '../contracts/notifier.contract.js';

let root: string;
let n = 0;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'sfc-outbox-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

notifierContract('OutboxNotifier', async () => {
  const notifier = new OutboxNotifier(root, `alerts-${++n}`, null);
  const delivered = async (): Promise<Delivered[]> => {
    const lines = (await readFile(notifier.path, 'utf8')).trim().split('\n');
    return lines.map((line) => JSON.parse(line) as Delivered);
  };
  return { notifier, delivered };
});
