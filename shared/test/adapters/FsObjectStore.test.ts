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
