import { s3PutEvent } from '@sfc/shared';
import { handleS3Event } from '../../src/scan/handleS3Event.js';
import { makeDeps, storeWith } from '../fixtures/deps.js';
import * as docs from '../fixtures/documents.js';

describe('Function: handleS3Event', () => {
  it('scans every record of the uploads bucket, decoding keys, and skips other buckets', async () => {
    // Prepare
    const { fs, deps } = await makeDeps();
    await fs.put('uploads', 'loans/first application.pdf', await docs.piiPdf());
    await fs.put('uploads', 'loans/rates.pdf', await docs.cleanPdf());
    const event = {
      Records: [
        ...s3PutEvent('uploads', 'loans/first application.pdf', 1).Records,
        ...s3PutEvent('uploads', 'loans/rates.pdf', 1).Records,
        ...s3PutEvent('someone-elses-bucket', 'loans/x.pdf', 1).Records,
      ],
    };
    // Act
    const summary = await handleS3Event(deps, event);
    // Assess
    expect(summary).toMatchObject({ scanned: 2, byVerdict: { pii: 1, clean: 1, quarantine: 0 }, skipped: 1 });
    expect(await fs.head('pii', 'loans/first application.pdf')).not.toBeNull();
  });

  it('finishes the other records and then throws when one fails', async () => {
    const { fs, deps } = await makeDeps({}, (s) => storeWith(s, { get: async (b, k, o) => { if (k.includes('bad')) throw new Error('disk gone'); return s.get(b, k, o); } }));
    await fs.put('uploads', 'loans/bad.pdf', await docs.cleanPdf());
    await fs.put('uploads', 'loans/good.pdf', await docs.cleanPdf());
    const event = { Records: [...s3PutEvent('uploads', 'loans/bad.pdf', 1).Records, ...s3PutEvent('uploads', 'loans/good.pdf', 1).Records] };
    await expect(handleS3Event(deps, event)).rejects.toThrow('1 of 2 documents failed');
    expect(await fs.head('clean', 'loans/good.pdf')).not.toBeNull();
    expect(await fs.head('uploads', 'loans/bad.pdf')).not.toBeNull();
  });
});
