import { createHash } from 'node:crypto';
import { s3PutEvent, type ObjectStore } from '@sfc/shared';
import { handleS3Event } from '../../src/scan/handleS3Event.js';
import { keySha256, referenceKey } from '../../src/scan/objectKeys.js';
import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps, storeWith } from '../fixtures/deps.js';
import * as docs from '../fixtures/documents.js';

const KEY = 'loans/application.pdf';
const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');
const lakeRows = async (store: ObjectStore) => (await store.list('lake', 'compliance/')).length;

describe('Function: scanDocument (versions and keys)', () => {
  it('scans and deletes only the upload its event names; a re-upload during the scan is kept and scanned by its own event', async () => {
    // Prepare: the first upload is clean; while it is being read, the key is uploaded again with PII
    const first = await docs.cleanPdf();
    const second = await docs.piiPdf();
    let reuploaded = false;
    const { fs, deps } = await makeDeps({}, (s) => storeWith(s, {
      get: async (b, k, o) => {
        const body = await s.get(b, k, o);
        if (b === 'uploads' && !reuploaded) { reuploaded = true; await s.put(b, k, second); }
        return body;
      },
    }));
    await fs.put('uploads', KEY, first);
    // Act
    const one = await scanDocument(deps, { bucket: 'uploads', key: KEY, etag: md5(first) });
    const stillThere = await fs.get('uploads', KEY);
    const two = await scanDocument(deps, { bucket: 'uploads', key: KEY, etag: md5(second) });
    // Assess
    expect(one.status === 'routed' && one.finding.verdict).toBe('clean');
    expect(Buffer.from(stillThere!).equals(Buffer.from(second))).toBe(true);
    expect(two.status === 'routed' && two.finding.verdict).toBe('pii');
    expect(await fs.head('uploads', KEY)).toBeNull();
    expect(await lakeRows(fs)).toBe(2);
  });

  it('answers superseded for an event whose upload was replaced before it was scanned', async () => {
    const { fs, deps } = await makeDeps();
    const first = await docs.cleanPdf();
    await fs.put('uploads', KEY, first);
    await fs.put('uploads', KEY, await docs.piiPdf());
    const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY, etag: md5(first) });
    expect(outcome.status).toBe('superseded');
    expect(await fs.head('uploads', KEY)).not.toBeNull();
  });

  it('keys idempotency by upload: a repeated event is already processed, a new upload of the key is scanned', async () => {
    const { fs, deps } = await makeDeps();
    const first = await docs.cleanPdf();
    await fs.put('uploads', KEY, first);
    await scanDocument(deps, { bucket: 'uploads', key: KEY, etag: md5(first) });
    const repeat = await scanDocument(deps, { bucket: 'uploads', key: KEY, etag: md5(first) });
    const second = await docs.piiPdf();
    await fs.put('uploads', KEY, second);
    const again = await scanDocument(deps, { bucket: 'uploads', key: KEY, etag: md5(second) });
    expect(repeat.status).toBe('already_processed');
    expect(again.status === 'routed' && again.finding.verdict).toBe('pii');
  });

  it('gives each key its own finding, even for identical documents', async () => {
    const { fs, deps } = await makeDeps();
    const body = await docs.cleanPdf();
    await fs.put('uploads', 'loans/a.pdf', body);
    await fs.put('uploads', 'loans/b.pdf', body);
    const a = await scanDocument(deps, { bucket: 'uploads', key: 'loans/a.pdf' });
    const b = await scanDocument(deps, { bucket: 'uploads', key: 'loans/b.pdf' });
    if (a.status !== 'routed' || b.status !== 'routed') throw new Error('not routed');
    expect(a.finding.sha256).toBe(b.finding.sha256);
    expect(a.finding.scan_ref).not.toBe(b.finding.scan_ref);
    expect(await lakeRows(fs)).toBe(2);
  });
});

describe('Function: scanDocument (personal data in object keys)', () => {
  const PII_KEY = 'loans/王小明 Amara Okonkwo SSN 536-22-8674 amara.okonkwo@example-mail.net.pdf';
  const RAW = ['王小明', 'Amara', 'Okonkwo', '536-22-8674', '8674', 'amara.okonkwo', 'example-mail'];

  it('reads the key: a clean document under a key naming a person goes to pii, and the key appears nowhere else raw', async () => {
    // Prepare
    const { fs, deps, logs } = await makeDeps();
    await fs.put('uploads', PII_KEY, await docs.cleanPdf());
    // Act
    const summary = await handleS3Event(deps, s3PutEvent('uploads', PII_KEY, 1));
    // Assess
    const outcome = summary.outcomes[0]!;
    if (outcome.status !== 'routed') throw new Error(outcome.status);
    expect(outcome.finding.verdict).toBe('pii');
    expect(outcome.finding.entities.filter((e) => e.source === 'object_key').map((e) => e.type)).toEqual(expect.arrayContaining(['US_SSN', 'EMAIL']));
    expect(outcome.finding.source).toMatchObject({ key: 'loans/***.pdf', key_sha256: keySha256(PII_KEY) });
    expect(await fs.head('pii', PII_KEY)).not.toBeNull();
    const lake = await Promise.all((await fs.list('lake')).map(async (k) => Buffer.from((await fs.get('lake', k))!).toString()));
    const outside = [...lake, ...logs, ...(await fs.list('lake')), JSON.stringify(summary)].join('\n');
    for (const r of RAW) expect([r, outside.includes(r)]).toEqual([r, false]);
  });

  it('stores a quarantined document whose key names a person under its reference key', async () => {
    const { fs, deps, logs } = await makeDeps();
    await fs.put('uploads', PII_KEY, await docs.corruptPdf());
    const outcome = await scanDocument(deps, { bucket: 'uploads', key: PII_KEY });
    if (outcome.status !== 'routed') throw new Error(outcome.status);
    expect(outcome.finding.quarantine_reason).toBe('corrupt');
    expect(await fs.list('quarantine')).toEqual([referenceKey(PII_KEY), `${referenceKey(PII_KEY)}.finding.json`].sort());
    const outside = [...(await fs.list('quarantine')), JSON.stringify(outcome.finding), ...logs].join('\n');
    for (const r of RAW) expect([r, outside.includes(r)]).toEqual([r, false]);
    const repeat = await scanDocument(deps, { bucket: 'uploads', key: PII_KEY });
    expect(repeat.status).toBe('already_processed');
  });

  it('masks the key in the log line of a failed scan (store errors name the key)', async () => {
    const { fs, deps, logs } = await makeDeps({}, (s) => storeWith(s, {
      get: async (b, k) => { throw new Error(`read ${b}/${k} failed: disk gone`); },
    }));
    await fs.put('uploads', PII_KEY, await docs.cleanPdf());
    await expect(handleS3Event(deps, s3PutEvent('uploads', PII_KEY, 1))).rejects.toThrow('1 of 1 documents failed');
    expect(logs.join('\n')).toContain('disk gone');
    for (const r of RAW) expect([r, logs.join('\n').includes(r)]).toEqual([r, false]);
  });
});
