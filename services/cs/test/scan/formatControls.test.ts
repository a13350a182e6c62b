import { s3PutEvent } from '@sfc/shared';
import { handleS3Event } from '../../src/scan/handleS3Event.js';
import { maskedKey } from '../../src/scan/objectKeys.js';
import { makeDeps } from '../fixtures/deps.js';
import * as docs from '../fixtures/documents.js';

// Stored reversed after a right-to-left override: a file manager shows `loans/fdp.John Smith.PDF`.
const HOSTILE_KEY = 'loans/\u202EFDP.htimS nhoJ.pdf';
const RAW = ['htimS', 'nhoJ', 'John', 'Smith', '\u202E'];

describe('Function: handleS3Event (format controls in keys)', () => {
  it('reads a right-to-left-override key as a person sees it: the name makes it pii, and no raw control or name leaves the pii bucket', async () => {
    // Prepare: a clean document, so only the key can make it pii
    const { fs, deps, logs } = await makeDeps();
    await fs.put('uploads', HOSTILE_KEY, await docs.cleanPdf());

    // Act
    const summary = await handleS3Event(deps, s3PutEvent('uploads', HOSTILE_KEY, 1));

    // Assess
    const outcome = summary.outcomes[0]!;
    if (outcome.status !== 'routed') throw new Error(outcome.status);
    expect(outcome.finding.verdict).toBe('pii');
    const inKey = outcome.finding.entities.filter((e) => e.source === 'object_key');
    expect(inKey.map((e) => e.type)).toContain('PERSON');
    // the entity's offsets point at the stored (reversed) name in the key text
    expect(await fs.head('pii', HOSTILE_KEY)).not.toBeNull();
    const lakeKeys = await fs.list('lake');
    const lake = await Promise.all(lakeKeys.map(async (k) => Buffer.from((await fs.get('lake', k))!).toString()));
    const finding = Buffer.from((await fs.get('pii', `${HOSTILE_KEY}.finding.json`))!).toString();
    const outside = [...lake, ...logs, ...lakeKeys, finding, JSON.stringify(summary)].join('\n');
    for (const r of RAW) expect([r, outside.includes(r)]).toEqual([r, false]);
  });

  it('writes format controls left in a masked key visibly', () => {
    expect(maskedKey('lo\u202Eans/John Smith.pdf')).toBe('lo<U+202E>ans/***.pdf');
    expect(maskedKey('loans/\u202EFDP.htimS nhoJ.pdf')).toBe('loans/***.pdf');
  });
});
