import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore, reidentify, type ReidentifyDeps } from '../../src/index.js';
import { TEST_KEYS_ROTATED, testPseudonymiser } from '../support/pseudonym.js';

const auditLines = (dir: string) => readdirSync(join(dir, 'audit', 'reidentify')).map((f) => JSON.parse(readFileSync(join(dir, 'audit', 'reidentify', f), 'utf8')));

describe('reidentify: an explicit, audited request', () => {
  const setup = (enabled = true): { deps: ReidentifyDeps; dir: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'reid-'));
    return { dir, deps: { pseudonymiser: testPseudonymiser(TEST_KEYS_ROTATED), store: new FsObjectStore(dir), auditBucket: 'audit', enabled, who: 'analyst-1', now: () => new Date('2026-12-01T10:00:00Z') } };
  };

  it('matches candidates against a token written before a rotation, and logs who, when, why and the token, never a value', async () => {
    const { deps, dir } = setup();
    const v1Token = testPseudonymiser().token('email', 'jane.doe@example.com');
    const result = await reidentify({ action: 'match', kind: 'email', token: v1Token, candidates: ['john@example.com', 'Jane.Doe@example.com'], reason: 'CASE-42' }, deps);
    expect(result).toEqual({ matches: ['Jane.Doe@example.com'] });
    const [entry, ...rest] = auditLines(dir);
    expect(rest).toEqual([]);
    expect(entry).toEqual({ at: '2026-12-01T10:00:00.000Z', who: 'analyst-1', reason: 'CASE-42', action: 'match', kind: 'email', tokens: [v1Token], candidates: 2, matched: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/jane|john/i);
  });

  it('answers which tokens a value has under every key version, audited', async () => {
    const { deps, dir } = setup();
    const result = await reidentify({ action: 'token', kind: 'phone', value: '555-123-4567', reason: 'CASE-43' }, deps);
    expect(result).toEqual({ tokens: [testPseudonymiser().token('phone', '555-123-4567'), deps.pseudonymiser.token('phone', '555-123-4567')] });
    expect(JSON.stringify(auditLines(dir))).not.toContain('4567');
  });

  it('is refused unless enabled and given a reason, and then nothing is answered', async () => {
    const off = setup(false);
    await expect(reidentify({ action: 'token', kind: 'email', value: 'a@b.example', reason: 'CASE-1' }, off.deps)).rejects.toThrow('re-identification refused: REIDENTIFY_ENABLED is not true');
    const on = setup();
    await expect(reidentify({ action: 'token', kind: 'email', value: 'a@b.example', reason: ' ' }, on.deps)).rejects.toThrow('--reason is required');
    await expect(reidentify({ action: 'match', kind: 'email', token: 'jane@example.com', candidates: [], reason: 'CASE-1' }, on.deps)).rejects.toThrow('not a token');
  });
});
