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
