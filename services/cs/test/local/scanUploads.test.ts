import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsObjectStore } from '@sfc/shared';
import { SAMPLE_DOCUMENTS } from '../../src/local/sampleDocuments.js';
import { scanUploads } from '../../src/local/scanUploads.js';

describe('Function: scanUploads', () => {
  it('seeds the sample documents once and routes each to its expected bucket', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'cs-local-'));
    const env = { LOG_LEVEL: 'silent', NER_MODEL_DIR: join(import.meta.dirname, '../../model') };
    // Act
    const first = await scanUploads({ dataDir, env });
    const second = await scanUploads({ dataDir, env });
    // Assess
    const expected = { pii: 0, clean: 0, quarantine: 0 };
    for (const d of SAMPLE_DOCUMENTS) expected[d.expected] += 1;
    expect(first).toMatchObject({ seeded: SAMPLE_DOCUMENTS.length, scanned: SAMPLE_DOCUMENTS.length, byVerdict: expected });
    const store = new FsObjectStore(dataDir);
    for (const d of SAMPLE_DOCUMENTS) expect([d.key, await store.head(d.expected, d.key) !== null]).toEqual([d.key, true]);
    expect(second).toMatchObject({ seeded: 0, scanned: 0 });
    // a verified redacted copy of each pii document: text layer, form and scan
    for (const d of SAMPLE_DOCUMENTS) expect([d.key, await store.head('redacted', d.key) !== null]).toEqual([d.key, d.expected === 'pii']);
    expect(first.redacted).toEqual({ published: expected.pii, notPublished: 0 });
  });
});
