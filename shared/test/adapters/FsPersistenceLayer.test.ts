import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyAlreadyInProgressError, IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { jest } from '@jest/globals';
import type { Config } from '@jest/types';
import { FsPersistenceLayer } from '../../src/adapters/FsPersistenceLayer.js';

/** Fake only the clock (Date); timers and I/O stay real. */
const NOT_DATE: Config.FakeableAPI[] = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'];

let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'sfc-idem-')); });
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

type Ctx = Parameters<IdempotencyConfig['registerLambdaContext']>[0];
function setup(name: string, o: { inProgressMs?: number; expiresAfterSeconds?: number } = {}) {
  const store = new FsPersistenceLayer(join(root, name));
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: o.expiresAfterSeconds ?? 3600 });
  config.registerLambdaContext({ getRemainingTimeInMillis: () => o.inProgressMs ?? 60_000 } as Ctx);
  const calls: string[] = [];
  return { store, config, calls };
}

describe('Class: FsPersistenceLayer', () => {
  it('runs a function once per key and returns the stored result after', async () => {
    // Prepare
    const { store, config, calls } = setup('once');
    const fn = makeIdempotent(async (e: { id: string }) => (calls.push(e.id), { at: calls.length }), { persistenceStore: store, config });
    // Act
    const first = await fn({ id: 'a' });
    const again = await fn({ id: 'a' });
    const other = await fn({ id: 'b' });
    // Assess
    expect(calls).toEqual(['a', 'b']);
    expect(again).toEqual(first);
    expect(other).toEqual({ at: 2 });
  });

  it('remembers across instances (a restarted process) and forgets a failed attempt', async () => {
    const a = setup('restart');
    const failing = makeIdempotent(async (_e: { id: string }) => { throw new Error('SNS down'); }, { persistenceStore: a.store, config: a.config });
    await expect(failing({ id: 'x' })).rejects.toThrow('SNS down');
    const ok = makeIdempotent(async (e: { id: string }) => (a.calls.push(e.id), 'sent'), { persistenceStore: a.store, config: a.config });
    await ok({ id: 'x' });

    const b = setup('restart');
    const again = makeIdempotent(async (e: { id: string }) => (b.calls.push(e.id), 'sent twice'), { persistenceStore: b.store, config: b.config });
    await expect(again({ id: 'x' })).resolves.toBe('sent');
    expect([a.calls, b.calls]).toEqual([['x'], []]);
  });

  it('refuses a key in progress until its in-progress time runs out, then takes it', async () => {
    // Prepare: an attempt that "crashed" mid-way leaves its record in progress for a minute. The clock
    // is moved past it rather than waited for: a short real window could run out on a busy machine
    // before the first call, which would then take the key.
    const { store, config } = setup('inprogress', { inProgressMs: 60_000 });
    store.configure({ config });
    await store.saveInProgress({ id: 'k' }, 60_000);
    const fn = makeIdempotent(async (_e: { id: string }) => 'done', { persistenceStore: store, config });
    // Act / Assess
    await expect(fn({ id: 'k' })).rejects.toBeInstanceOf(IdempotencyAlreadyInProgressError);
    jest.useFakeTimers({ now: Date.now() + 61_000, doNotFake: NOT_DATE });
    try {
      await expect(fn({ id: 'k' })).resolves.toBe('done');
    } finally {
      jest.useRealTimers();
    }
  });

  it('lets one of many concurrent callers take a key', async () => {
    const { store, config, calls } = setup('race');
    const fn = makeIdempotent(async (e: { id: string }) => { calls.push(e.id); await new Promise((r) => setTimeout(r, 20)); return 'ok'; }, { persistenceStore: store, config });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => fn({ id: 'same' })));
    expect(calls).toEqual(['same']);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await readdir(join(root, 'race'))).toHaveLength(1);
  });

  it('takes a key again once its record expired', async () => {
    const { store, config, calls } = setup('expiry', { expiresAfterSeconds: 1 });
    const fn = makeIdempotent(async (e: { id: string }) => (calls.push(e.id), 'ok'), { persistenceStore: store, config });
    await fn({ id: 'e' });
    await new Promise((r) => setTimeout(r, 2_100));
    await fn({ id: 'e' });
    expect(calls).toEqual(['e', 'e']);
  });
});
