import type { ObjectStore } from '@sfc/shared';
import { CopyVerificationError } from '../../src/errors.js';
import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps, storeWith } from '../fixtures/deps.js';
import * as docs from '../fixtures/documents.js';

const KEY = 'loans/repeat.pdf';
const allKeys = async (store: ObjectStore) =>
  (await Promise.all(['uploads', 'pii', 'clean', 'quarantine', 'lake'].map(async (b) => (await store.list(b)).map((k) => `${b}/${k}`)))).flat().sort();

describe('Function: scanDocument (repeated events)', () => {
  it('returns the first finding for a repeated event and writes nothing new', async () => {
    // Prepare
    const { fs, deps } = await makeDeps();
    await fs.put('uploads', KEY, await docs.piiPdf());
    const first = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    const before = await allKeys(fs);
    // Act
    const second = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    // Assess
    expect(second.status).toBe('already_processed');
    if (first.status !== 'routed' || second.status !== 'already_processed') throw new Error('unexpected outcomes');
    expect(second.finding).toEqual(first.finding);
    expect(await allKeys(fs)).toEqual(before);
  });

  it('gives the same result when the source survived a crash after the copy', async () => {
    const { fs, deps } = await makeDeps();
    const body = await docs.piiPdf();
    await fs.put('uploads', KEY, body);
    const first = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    const before = await allKeys(fs);
    await fs.put('uploads', KEY, body); // the delete never happened
    const second = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    if (first.status !== 'routed' || second.status !== 'routed') throw new Error('unexpected outcomes');
    expect(second.finding.verdict).toBe(first.finding.verdict);
    expect(second.finding.entities).toEqual(first.finding.entities);
    expect(await allKeys(fs)).toEqual(before);
  });

  it('keeps the source when the copy does not verify', async () => {
    // Prepare: a store whose copies come back with a different checksum
    const { fs, deps } = await makeDeps({}, (s) => storeWith(s, {
      head: async (b, k) => { const h = await s.head(b, k); return h && b !== 'uploads' ? { ...h, sha256: '0'.repeat(64) } : h; },
    }));
    await fs.put('uploads', KEY, await docs.cleanPdf());
    // Act / Assess
    await expect(scanDocument(deps, { bucket: 'uploads', key: KEY })).rejects.toBeInstanceOf(CopyVerificationError);
    expect(await fs.head('uploads', KEY)).not.toBeNull();
  });

  it('reports a missing object that was never processed', async () => {
    const { deps } = await makeDeps();
    expect((await scanDocument(deps, { bucket: 'uploads', key: 'loans/nothing.pdf' })).status).toBe('missing');
  });
});
