import type { ObjectStore } from '../../src/ports/ObjectStore.js';
import { sha256Hex } from '../../src/util/hash.js';

/** A store and an existing, empty bucket in it. */
export interface ObjectStoreFixture {
  store: ObjectStore;
  bucket: string;
}

const text = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('utf8'));

/** Behaviour every ObjectStore adapter must share; `factory` returns a fresh bucket on each call. */
export function objectStoreContract(name: string, factory: () => Promise<ObjectStoreFixture>): void {
  describe(`Contract: ObjectStore > ${name}`, () => {
    it('stores text and returns its size and sha256', async () => {
      // Prepare
      const { store, bucket } = await factory();
      const body = '{"ok":true,"name":"Zoë"}\n';
      // Act
      const info = await store.put(bucket, 'docs/a.json', body, { contentType: 'application/json' });
      // Assess
      expect(info).toEqual({ bucket, key: 'docs/a.json', size: Buffer.byteLength(body), sha256: sha256Hex(body) });
      expect(text(await store.get(bucket, 'docs/a.json'))).toBe(body);
    });

    it('round-trips every byte value and an empty object', async () => {
      const { store, bucket } = await factory();
      const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);

      await store.put(bucket, 'bin/all.bytes', bytes);
      await store.put(bucket, 'bin/empty', new Uint8Array());

      expect(Buffer.from((await store.get(bucket, 'bin/all.bytes'))!).equals(Buffer.from(bytes))).toBe(true);
      expect((await store.get(bucket, 'bin/empty'))!.byteLength).toBe(0);
    });

    it('answers null for a missing key from get and head', async () => {
      const { store, bucket } = await factory();

      expect(await store.get(bucket, 'nope/missing.pdf')).toBeNull();
      expect(await store.head(bucket, 'nope/missing.pdf')).toBeNull();
    });

    it('heads an object with the size and sha256 put returned, after an overwrite too', async () => {
      const { store, bucket } = await factory();
      await store.put(bucket, 'k', 'first version');
      const second = await store.put(bucket, 'k', 'second, longer version');

      const head = await store.head(bucket, 'k');

      expect(head).toEqual(second);
      expect(head!.sha256).toBe(sha256Hex('second, longer version'));
    });

    it('stats an object without its content: size, and an ETag that changes with the content', async () => {
      const { store, bucket } = await factory();
      await store.put(bucket, 'docs/a.pdf', 'first version');
      const first = await store.stat(bucket, 'docs/a.pdf');
      await store.put(bucket, 'docs/b.pdf', 'first version');
      await store.put(bucket, 'docs/a.pdf', 'second version!');
      const second = await store.stat(bucket, 'docs/a.pdf');

      expect(first).toMatchObject({ bucket, key: 'docs/a.pdf', size: 13 });
      expect(first!.etag).toMatch(/^[0-9a-f]{32}$/);
      expect((await store.stat(bucket, 'docs/b.pdf'))!.etag).toBe(first!.etag);
      expect(second).toMatchObject({ size: 15 });
      expect(second!.etag).not.toBe(first!.etag);
      expect(await store.stat(bucket, 'docs/missing.pdf')).toBeNull();
    });

    it('copies an object inside the store', async () => {
      const { store, bucket } = await factory();
      const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 256);
      await store.put(bucket, 'uploads/x y.pdf', bytes);

      const copied = await store.copy({ bucket, key: 'uploads/x y.pdf' }, { bucket, key: 'moved/x y.pdf' });

      expect(copied).toMatchObject({ bucket, key: 'moved/x y.pdf', size: 3000 });
      expect(Buffer.from((await store.get(bucket, 'moved/x y.pdf'))!).equals(Buffer.from(bytes))).toBe(true);
      expect((await store.head(bucket, 'moved/x y.pdf'))!.sha256).toBe(sha256Hex(bytes));
    });

    it('deletes an object, and deleting a missing one is not an error', async () => {
      const { store, bucket } = await factory();
      await store.put(bucket, 'gone/soon.txt', 'x');

      await store.delete(bucket, 'gone/soon.txt');
      await store.delete(bucket, 'gone/never-was.txt');

      expect(await store.get(bucket, 'gone/soon.txt')).toBeNull();
      expect(await store.list(bucket, 'gone/')).toEqual([]);
    });

    it('lists keys under a prefix, sorted', async () => {
      const { store, bucket } = await factory();
      const keys = ['processed/dt=2026-01-02/hour=00/t-0-5.jsonl', 'processed/dt=2026-01-01/hour=23/t-1-9.jsonl',
        'processed/dt=2026-01-01/hour=03/t-0-1.jsonl', 'compliance/dt=2026-01-01/abc.json', 'processedx'];
      for (const key of keys) await store.put(bucket, key, key);

      expect(await store.list(bucket, 'processed/')).toEqual([
        'processed/dt=2026-01-01/hour=03/t-0-1.jsonl', 'processed/dt=2026-01-01/hour=23/t-1-9.jsonl',
        'processed/dt=2026-01-02/hour=00/t-0-5.jsonl',
      ]);
      expect(await store.list(bucket)).toEqual([...keys].sort());
      expect(await store.list(bucket, 'reports/')).toEqual([]);
    });
  });
}
