import { ComplianceFindingSchema } from '@sfc/shared';
import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps } from '../fixtures/deps.js';
import * as docs from '../fixtures/documents.js';

const KEY = 'loans/doc-1.pdf';

describe('Function: scanDocument', () => {
  it.each([
    ['with PII, three pages', docs.piiPdf, 'pii', null],
    ['without PII', docs.cleanPdf, 'clean', null],
    ['corrupt', docs.corruptPdf, 'quarantine', 'corrupt'],
    ['encrypted with a user password', docs.encryptedPdf, 'quarantine', 'encrypted'],
    ['zero bytes', async () => new Uint8Array(), 'quarantine', 'zero_bytes'],
    ['not a PDF despite its name', async () => new TextEncoder().encode('just some text\n'), 'quarantine', 'not_pdf'],
    ['image-only, a picture without legible text', docs.imageOnlyPdf, 'quarantine', 'unreadable'],
    ['with text pages and a picture page without legible text, no PII in the text', docs.cleanTextThenScanPdf, 'quarantine', 'unreadable'],
    ['over the page limit', () => docs.manyPagesPdf(21), 'quarantine', 'too_many_pages'],
  ] as const)('routes a document %s', async (_name, make, verdict, reason) => {
    // Prepare
    const { fs, deps } = await makeDeps();
    const body = await make();
    await fs.put('uploads', KEY, body);
    // Act
    const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    // Assess
    if (outcome.status !== 'routed') throw new Error(`unexpected ${outcome.status}`);
    const { finding } = outcome;
    expect(finding.verdict).toBe(verdict);
    expect(finding.quarantine_reason).toBe(reason);
    expect(await fs.head('uploads', KEY)).toBeNull();
    expect((await fs.head(verdict, KEY))?.size).toBe(body.byteLength);
    const beside = ComplianceFindingSchema.parse(JSON.parse(Buffer.from((await fs.get(verdict, `${KEY}.finding.json`))!).toString()));
    expect(beside.scan_ref).toBe(finding.scan_ref);
    expect(await fs.list('lake', 'compliance/dt=2026-11-25/')).toEqual([`compliance/dt=2026-11-25/${finding.scan_ref}.json`]);
  });

  it('finds the entities of every page, masked, with counts', async () => {
    // Prepare
    const { fs, deps } = await makeDeps();
    await fs.put('uploads', KEY, await docs.piiPdf());
    // Act
    const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    // Assess
    if (outcome.status !== 'routed') throw new Error('not routed');
    const types = new Set(outcome.finding.entities.map((e) => e.type));
    for (const t of ['PERSON', 'US_SSN', 'DATE_OF_BIRTH', 'EMAIL', 'PHONE', 'BANK_ACCOUNT']) expect(types).toContain(t);
    expect(new Set(outcome.finding.entities.map((e) => e.page))).toEqual(new Set([1, 2, 3]));
    expect(outcome.finding.pages).toBe(3);
    expect(outcome.finding.counts.US_SSN).toBe(1);
    const serialized = JSON.stringify(outcome.finding);
    for (const raw of docs.RAW_PII) expect(serialized).not.toContain(raw);
  });

  it('never writes raw PII to the logs', async () => {
    const { fs, deps, logs } = await makeDeps();
    await fs.put('uploads', KEY, await docs.piiPdf());
    await scanDocument(deps, { bucket: 'uploads', key: KEY });
    expect(logs.length).toBeGreaterThan(0);
    for (const raw of docs.RAW_PII) expect(logs.join('\n')).not.toContain(raw);
  });

  it('quarantines documents over the size limit', async () => {
    const { fs, deps } = await makeDeps({ maxPdfBytes: 100 });
    await fs.put('uploads', KEY, await docs.cleanPdf());
    const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    expect(outcome.status === 'routed' && outcome.finding.quarantine_reason).toBe('too_large');
  });
});
