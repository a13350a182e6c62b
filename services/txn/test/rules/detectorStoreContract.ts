import type { DetectorStore } from '../../src/rules/DetectorStore.js';
import type { DetectorVersionBody } from '../../src/rules/detectorVersion.js';

export const body = (expression: string, outcome = 'block'): DetectorVersionBody => ({
  detectorId: 'd', modelId: 'txn_model', ruleExecutionMode: 'FIRST_MATCHED', outcomes: {}, variables: {}, model: {},
  rules: [{ ruleId: 'r', ruleVersion: '1', language: 'DETECTORPL', expression, outcomes: [outcome] }],
});

/** AFD's status moves, one ACTIVE per detector, rollback: the same for every DetectorStore adapter. */
export async function statusContract(store: DetectorStore): Promise<void> {
  const v1 = await store.create('payments', body('$order_price > 1'));
  const v2 = await store.create('payments', body('$order_price > 2'));
  expect([v1.detectorVersionId, v2.detectorVersionId, v1.status]).toEqual(['1', '2', 'DRAFT']);
  await expect(store.setStatus('payments', '1', 'INACTIVE')).rejects.toThrow(/version 1: cannot go from DRAFT to INACTIVE/);
  expect(await store.setStatus('payments', '1', 'ACTIVE')).toEqual({ active: '1' });
  await expect(store.setStatus('payments', '1', 'ACTIVE')).rejects.toThrow(/cannot go from ACTIVE to ACTIVE/);
  expect(await store.setStatus('payments', '2', 'ACTIVE')).toEqual({ active: '2', previous: '1' });
  const statuses = async () => (await store.versions('payments')).map((v) => `${v.detectorVersionId}:${v.status}`);
  expect(await statuses()).toEqual(['1:INACTIVE', '2:ACTIVE']);
  await expect(store.update('payments', '1', body('$order_price > 3'))).rejects.toThrow(/is INACTIVE: only DRAFT versions can be changed/);
  expect(await store.rollback('payments')).toEqual({ active: '1', previous: '2' });
  expect(await statuses()).toEqual(['1:ACTIVE', '2:INACTIVE']);
  await expect(store.rollback('payments')).rejects.toThrow(/version 1 is the only one ever ACTIVE/);
  await store.setStatus('payments', '1', 'INACTIVE');
  expect(await statuses()).toEqual(['1:INACTIVE', '2:INACTIVE']);
  await expect(store.rollback('payments')).rejects.toThrow(/no ACTIVE version to roll back from/);
  await store.setStatus('payments', '2', 'ACTIVE');
  expect((await store.versions('payments')).filter((v) => v.status === 'ACTIVE').map((v) => v.detectorVersionId)).toEqual(['2']);
  expect(await store.detectors()).toEqual(['payments']);
}

/**
 * Shadowing through the CLI (our addition to AFD's statuses): a DRAFT or INACTIVE version is named
 * SHADOW and keeps its status; an ACTIVE one cannot be; activating the shadowed version ends its
 * shadowing. The same for every DetectorStore adapter.
 */
export async function shadowContract(store: DetectorStore, cli: (...args: string[]) => Promise<string>): Promise<void> {
  await store.create('cards', body('$order_price > 1'));
  await store.create('cards', body('$order_price > 2'));
  await store.create('cards', body('$order_price > 3'));
  await cli('activate', 'cards', '1');
  const stamp = await store.stamp('cards');
  expect(await cli('shadow', 'cards', '2')).toMatch(/^cards:2 \(DRAFT\) is the SHADOW: scored beside the ACTIVE version/);
  // One record holds both: score sees a shadow change where it sees an activation.
  expect(await store.stamp('cards')).not.toBe(stamp);
  expect((await store.live('cards'))).toMatchObject({ active: { detectorVersionId: '1', status: 'ACTIVE' }, shadow: { detectorVersionId: '2', status: 'DRAFT' } });
  expect(await cli('show', 'cards')).toMatch(/cards\t2\tDRAFT SHADOW\t/);
  expect(await cli('list')).toMatch(/cards\t1\tACTIVE\t[^\n]*\ncards\t2\tDRAFT SHADOW\t[^\n]*\ncards\t3\tDRAFT\t/);
  await expect(cli('shadow', 'cards', '1')).rejects.toThrow(/detector cards version 1: is ACTIVE: only a DRAFT or INACTIVE version can be the shadow/);
  await expect(cli('shadow', 'cards', '9')).rejects.toThrow(/detector cards version 9: does not exist/);
  expect(await cli('shadow', 'cards', '3')).toMatch(/cards:3 \(DRAFT\) is the SHADOW.*; 2 is no longer the shadow/);
  expect(await cli('unshadow', 'cards')).toBe('cards:3 is no longer the shadow; cards has no SHADOW version');
  expect((await store.live('cards')).shadow).toBeUndefined();
  await expect(cli('unshadow', 'cards')).rejects.toThrow(/detector cards: has no SHADOW version/);
  // An INACTIVE version can shadow; activating the shadowed version ends its shadowing.
  await cli('activate', 'cards', '2');
  expect(await cli('shadow', 'cards', '1')).toMatch(/cards:1 \(INACTIVE\) is the SHADOW/);
  expect(await cli('activate', 'cards', '1')).toMatch(/cards:1 is ACTIVE; 2 is INACTIVE; it is no longer the shadow/);
  expect(await store.live('cards')).toMatchObject({ active: { detectorVersionId: '1' } });
  expect((await store.live('cards')).shadow).toBeUndefined();
  // Rolling back onto the shadowed version ends it too; a shadow survives other status changes.
  await cli('shadow', 'cards', '2');
  expect(await cli('rollback', 'cards')).toMatch(/cards:2 is ACTIVE again/);
  expect((await store.live('cards')).shadow).toBeUndefined();
  await cli('shadow', 'cards', '3');
  await cli('deactivate', 'cards');
  expect((await store.live('cards')).shadow?.detectorVersionId).toBe('3');
}
