import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '../../src/adapters/FsObjectStore.js';
import { objectStoreContract } from '../contracts/objectStore.contract.js';

let root: string;
let n = 0;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'sfc-fsstore-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

objectStoreContract('FsObjectStore', async () => ({ store: new FsObjectStore(root), bucket: `bucket-${++n}` }));

describe('FsObjectStore: concurrent writes of one key', () => {
  it('all succeed, and the object is whole: one of the bodies written', async () => {
    // Prepare
    const store = new FsObjectStore(root);
    const bodies = Array.from({ length: 20 }, (_, i) => `body-${i}-${'x'.repeat(1000 * i)}`);
    // Act: within the same millisecond, as a batch writing several lake groups to one key can
    const settled = await Promise.allSettled(bodies.map((b) => store.put('same', 'k.jsonl', b)));
    // Assess
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    expect(bodies).toContain(Buffer.from((await store.get('same', 'k.jsonl'))!).toString());
  });
});
