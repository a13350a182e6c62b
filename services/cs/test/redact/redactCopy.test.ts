import { ComplianceFindingSchema } from '@sfc/shared';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { writeImageOnlyPdf } from '../../src/local/pdfWriter.js';
import { PDFJS_DATA, pdfjs } from '../../src/pdf/loadPdfjs.js';
import { scanDocument } from '../../src/scan/scanDocument.js';
import { referenceKey } from '../../src/scan/objectKeys.js';
import { makeDeps } from '../fixtures/deps.js';
import * as docs from '../fixtures/documents.js';
import * as rich from '../fixtures/richDocuments.js';

const KEY = 'loans/doc-1.pdf';

async function textOf(bytes: Uint8Array): Promise<string> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA, verbosity: 0 }).promise;
  let out = '';
  for (let n = 1; n <= doc.numPages; n += 1) out += `${((await (await doc.getPage(n)).getTextContent()).items as { str: string }[]).map((i) => i.str).join('')}\n`;
  await doc.destroy();
  return out;
}

async function scan(body: Uint8Array, key = KEY, overrides: Parameters<typeof makeDeps>[0] = {}) {
  const { fs, deps } = await makeDeps(overrides);
  await fs.put('uploads', key, body);
  const outcome = await scanDocument(deps, { bucket: 'uploads', key });
  if (outcome.status !== 'routed') throw new Error(`unexpected ${outcome.status}`);
  return { fs, finding: outcome.finding };
}

describe('Function: scanDocument, redacted copies', () => {
  it('publishes a verified copy of a text document with PII: none of its values extractable, the rest of the text kept', async () => {
    // Act
    const { fs, finding } = await scan(await docs.piiPdf());
    // Assess
    expect(finding.verdict).toBe('pii');
    expect(finding.redaction).toMatchObject({ status: 'published', reason: null, unlocated: 0, rescan_entities: 0, destination: { bucket: 'redacted', key: 'loans/***.pdf' } });
    expect(finding.redaction!.boxes).toBeGreaterThanOrEqual(6);
    const copy = (await fs.get('redacted', KEY))!;
    const text = await textOf(copy);
    for (const raw of docs.RAW_PII) expect(text).not.toContain(raw);
    for (const kept of ['PERSONAL LOAN APPLICATION', 'Borrower Name:', 'Social Security Number:', 'Email:', 'Coastal Community Bank']) expect(text).toContain(kept);
    // the finding beside the document and in the lake carries the redaction
    const beside = ComplianceFindingSchema.parse(JSON.parse(Buffer.from((await fs.get('pii', `${KEY}.finding.json`))!).toString()));
    expect(beside.redaction?.status).toBe('published');
  });

  it('publishes a copy of a filled form without its field values, under a reference key when the key names a person', async () => {
    // Prepare
    const key = 'loans/Chiamaka Adeyemi 536-22-8674.pdf';
    // Act
    const { fs, finding } = await scan(await rich.filledForm(), key);
    // Assess
    expect(finding.redaction).toMatchObject({ status: 'published', boxes: 0 });
    expect(await fs.head('redacted', key)).toBeNull();
    const text = await textOf((await fs.get('redacted', referenceKey(key)))!);
    expect(text).toContain('Borrower name');
    expect(text).not.toContain(rich.PERSON.name);
  });

  it.each([
    ['notes, a text box and a mailto: link', rich.annotated],
    ['properties and XMP', rich.withMetadata],
    ['a form field without a widget', rich.hiddenFieldForm],
    ['an attached text file', () => rich.withAttachments('text')],
    ['an attached PDF inside an attached PDF', () => rich.withAttachments('pdf')],
    ['an attached picture (OCR)', () => rich.withAttachments('image')],
    ['a file attachment annotation', () => rich.withAttachments('annotation')],
    ['a scan skewed 3 degrees', () => rich.scan(200, 3)],
  ] as const)('publishes a copy of a document with PII in %s, none of it left in the file', async (_name, make) => {
    // Act
    const { fs, finding } = await scan(await make());
    // Assess
    expect(finding.verdict).toBe('pii');
    expect(finding.redaction).toMatchObject({ status: 'published', rescan_entities: 0 });
    const copy = (await fs.get('redacted', KEY))!;
    const text = await textOf(copy);
    const raw = Buffer.from(copy).toString('latin1');
    for (const value of Object.values(rich.PERSON)) {
      expect(text).not.toContain(value);
      expect(raw).not.toContain(value);
    }
    expect(raw).not.toMatch(/\/(Annots|EmbeddedFiles|AcroForm|Metadata)\b/);
  });

  it('does not publish a copy whose rescan still finds PII, and the finding says why (a value split over two text operators)', async () => {
    // Prepare: the SSN is drawn in two pieces that read as one value
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Courier);
    const page = doc.addPage([612, 792]);
    page.drawText('Social Security Number: 536-22-', { x: 72, y: 700, size: 10, font });
    page.drawText('8674', { x: 72 + 31 * 6, y: 700, size: 10, font });
    // Act
    const { fs, finding } = await scan(await doc.save());
    // Assess
    expect(finding.verdict).toBe('pii');
    expect(finding.redaction?.status).toBe('not_published');
    expect(finding.redaction?.reason).toMatch(/the rescan of the copy found 1 entities \(US_SSN\)/);
    expect(finding.redaction?.reason).toMatch(/1 values were not found in the page content/);
    expect(finding.redaction?.rescan_entities).toBe(1);
    expect(finding.redaction?.reason).not.toContain('8674');
    expect(await fs.list('redacted')).toEqual([]);
  });

  it('does not publish a copy of a document read only in part (a picture page without legible text), and says so', async () => {
    // Prepare: PII in the text pages, and a page that is a picture nothing could be read from
    const out = await PDFDocument.create();
    for (const bytes of [await docs.piiPdf(), await writeImageOnlyPdf(1)]) {
      const src = await PDFDocument.load(bytes);
      for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
    }
    // Act
    const { fs, finding } = await scan(await out.save());
    // Assess
    expect(finding.verdict).toBe('pii');
    expect(finding.redaction).toMatchObject({ status: 'not_published', reason: 'the document was read only in part (unreadable)' });
    expect(await fs.list('redacted')).toEqual([]);
  });

  it('publishes a copy of a scan with the PII words painted black, verified by a rescan with OCR', async () => {
    // Act
    const { fs, finding } = await scan(await rich.scan(200));
    // Assess
    expect(finding.verdict).toBe('pii');
    expect(finding.redaction).toMatchObject({ status: 'published', unlocated: 0, rescan_entities: 0 });
    expect(finding.redaction!.boxes).toBeGreaterThanOrEqual(3);
    const copy = (await fs.get('redacted', KEY))!;
    // the page is a picture now: no text layer, and the original page's image is not in the file
    expect((await textOf(copy)).trim()).toBe('');
    expect((await PDFDocument.load(copy)).getPageCount()).toBe(1);
  });

  it('writes no copy with REDACT off, and clean documents get none', async () => {
    // Act
    const off = await scan(await docs.piiPdf(), KEY, { redactedBucket: null });
    const clean = await scan(await docs.cleanPdf());
    // Assess
    expect(off.finding.redaction).toMatchObject({ status: 'off', reason: 'REDACT is false' });
    expect(await off.fs.list('redacted')).toEqual([]);
    expect(clean.finding.redaction).toBeNull();
  });
});
