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

describe('Function: handleS3Event with one malformed record beside a good one', () => {
  const logged = (logs: string[]) => logs.map((l) => JSON.parse(l) as Record<string, unknown>);

  it('reports a key that cannot be decoded (masked, with the reason), counts it, and still scans its sibling', async () => {
    // Prepare
    const { fs, deps, logs } = await makeDeps();
    await fs.put('uploads', 'loans/rates.pdf', await docs.cleanPdf());
    const [broken] = s3PutEvent('uploads', 'loans/Ana Lopez.pdf', 1).Records;
    broken!.s3.object.key = 'loans/Ana+Lopez%E0%A4%A.pdf';
    const event = { Records: [broken!, ...s3PutEvent('uploads', 'loans/rates.pdf', 1).Records] };

    // Act
    const summary = await handleS3Event(deps, event);

    // Assess
    expect(summary).toMatchObject({ scanned: 1, malformed: 1, byVerdict: { pii: 0, clean: 1, quarantine: 0 } });
    expect(await fs.head('clean', 'loans/rates.pdf')).not.toBeNull();
    const line = logged(logs).find((l) => l.message === 'S3 event record malformed: not scanned');
    expect(line).toMatchObject({ level: 'ERROR', reason: expect.stringContaining('s3.object.key: not valid URL encoding'), key: 'loans/***.pdf', record: 0 });
    expect(logs.join('\n')).not.toMatch(/Ana|Lopez/);
  });

  it('validates eventTime before copying: a bad one scans the document once, filed under the scan time, and its sibling too', async () => {
    const { fs, deps, logs } = await makeDeps();
    await fs.put('uploads', 'loans/first.pdf', await docs.cleanPdf());
    await fs.put('uploads', 'loans/second.pdf', await docs.cleanPdf());
    const [bad] = s3PutEvent('uploads', 'loans/first.pdf', 1).Records;
    bad!.eventTime = 'yesterday-ish';
    const event = { Records: [bad!, ...s3PutEvent('uploads', 'loans/second.pdf', 1).Records] };

    const summary = await handleS3Event(deps, event);

    expect(summary).toMatchObject({ scanned: 2, repaired: 1, malformed: 0 });
    // moved, not copied: gone from uploads, present in clean, its finding in the lake under the scan day
    expect(await fs.head('uploads', 'loans/first.pdf')).toBeNull();
    expect(await fs.head('clean', 'loans/first.pdf')).not.toBeNull();
    expect(await fs.head('clean', 'loans/second.pdf')).not.toBeNull();
    expect((await fs.list('lake', 'compliance/dt=2026-11-25/')).length).toBe(1);
    expect(logged(logs).find((l) => l.reason === 'eventTime: not an ISO-8601 time')).toMatchObject({ level: 'WARN', key: 'loans/***.pdf' });
  });
});
