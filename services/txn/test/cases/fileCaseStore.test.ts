import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, toLakeTransaction, type Logger } from '@sfc/shared';
import { createCases } from '../../src/cases/createCases.js';
import { testPolicy } from '../../../../shared/test/support/pseudonym.js';
import { FileCaseStore } from '../../src/cases/FileCaseStore.js';
import { createExclusive } from '../../src/cases/caseFiles.js';
import { decide } from '../../src/cases/decide.js';
import { actBatch } from '../../src/pipeline/actBatch.js';
import { caseStoreContract } from './contract.js';
import { actDeps, labelsTopic, records, scored } from './support.js';

describe('Cases: FileCaseStore (DATA_DIR/cases)', () => {
  caseStoreContract(async () => new FileCaseStore(mkdtempSync(join(tmpdir(), 'cases-'))));

  it('creates a file exclusively: of 20 concurrent writers one wins, and no temporary file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'excl-'));
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => createExclusive(join(dir, 'x.json'), `{"writer":${i}}`)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(readFileSync(join(dir, 'x.json'), 'utf8')).toBe(`{"writer":${wins.indexOf(true)}}`);
    expect(readdirSync(dir)).toEqual(['x.json']);
  });

  it('keeps the decision file unchanged and logs each decision once in decisions.jsonl', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cases-'));
    const store = new FileCaseStore(dir);
    await actBatch(records([scored(1, 'review'), scored(2, 'review')]), actDeps(store));
    const { sink } = labelsTopic();
    await decide(store, sink, { caseId: 'evt-1', label: 'legit', analyst: 'ana', source: 'analyst' });
    const before = readFileSync(join(dir, 'decision', 'evt-1.json'), 'utf8');
    await decide(store, sink, { caseId: 'evt-1', label: 'fraud', analyst: 'bob', source: 'analyst' });
    await decide(store, sink, { caseId: 'evt-2', label: 'fraud', analyst: 'bob', source: 'analyst' });
    expect(readFileSync(join(dir, 'decision', 'evt-1.json'), 'utf8')).toBe(before);
    const log = readFileSync(join(dir, 'decisions.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { case_id: string; analyst: string });
    expect(log.map((d) => `${d.case_id}:${d.analyst}`)).toEqual(['evt-1:ana', 'evt-2:bob']);
  });

  it('keeps the first case of a reused event id and reports the other transaction as a conflict', async () => {
    const store = new FileCaseStore(mkdtempSync(join(tmpdir(), 'cases-')));
    const warnings: string[] = [];
    const logger = { ...createLogger('t', { level: 'silent' }), warn: (m: string) => { warnings.push(m); } } as unknown as Logger;
    const pii = testPolicy();
    const first = scored(1, 'review');
    const other = { ...first, transaction_amt: 999 };
    const settings = { store, forBlock: false, history: 5 };
    expect(await createCases([{ tx: first, row: toLakeTransaction(first, pii) }], settings, logger)).toEqual({ created: 1, existing: 0, conflicts: 0 });
    expect(await createCases([{ tx: first, row: toLakeTransaction(first, pii) }], settings, logger)).toEqual({ created: 0, existing: 1, conflicts: 0 });
    expect(await createCases([{ tx: other, row: toLakeTransaction(other, pii) }], settings, logger)).toEqual({ created: 0, existing: 1, conflicts: 1 });
    expect(warnings).toEqual(['event id reused for another transaction: its case is the first one']);
    expect((await store.get('evt-1'))!.case!.transaction.transaction_amt).toBe(first.transaction_amt);
  });

  it('stores an event id that is no safe file name under an encoded name', async () => {
    const store = new FileCaseStore(mkdtempSync(join(tmpdir(), 'cases-')));
    const odd = { ...scored(1, 'review'), event_id: '../evil/..id:1' };
    await actBatch(records([odd]), actDeps(store));
    expect((await store.get('../evil/..id:1'))?.case?.case_id).toBe('../evil/..id:1');
    expect(readdirSync(join(store.dir, 'case'))).toEqual(['%2E%2E%2Fevil%2F%2E%2Eid%3A1.json']);
  });
});
