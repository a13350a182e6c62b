// Issue 23 item 3: personal data a person sees (or a metadata reader finds) but a text-layer reader
// misses. None of these may be filed clean: pii, or quarantine with a reason.
import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps } from '../fixtures/deps.js';
import * as hostile from '../fixtures/hostile.js';
import { PERSON } from '../fixtures/richDocuments.js';

const KEY = 'loans/hidden.pdf';

async function scan(bytes: Uint8Array) {
  const { fs, deps } = await makeDeps();
  await fs.put('uploads', KEY, bytes);
  const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
  if (outcome.status !== 'routed') throw new Error(`not routed: ${outcome.status}`);
  return outcome.finding;
}

const APPLICATION = ['PERSONAL LOAN APPLICATION', `Borrower Name: ${PERSON.name}`, `Social Security Number: ${PERSON.ssn}`,
  'The borrower agrees to repay the loan in monthly installments.'];

describe('Function: scanDocument (text layers that lie)', () => {
  it.each([
    ['drawn on the page', false],
    ['drawn inside a form XObject', true],
  ])('reads a page whose font remaps letters by OCR, %s, and files it pii with the page noted', async (_name, inForm) => {
    // Prepare: the page shows the name and SSN; its text layer reads other words
    const finding = await scan(await hostile.remappedTextLayer(APPLICATION, inForm));
    // Assess: found in what OCR read, and the lying page is an issue of the finding
    expect(finding.verdict).toBe('pii');
    expect(finding.entities.filter((e) => e.source === 'ocr').map((e) => e.type)).toEqual(expect.arrayContaining(['US_SSN', 'PERSON']));
    expect(finding.entities.filter((e) => e.source === 'text' && e.type === 'US_SSN')).toHaveLength(0);
    expect(finding.issues).toEqual([expect.objectContaining({ reason: 'unreadable', detail: expect.stringMatching(/^page 1: the text layer does not match what the page shows \(font \S+ maps 62 letters or digits to other characters than its glyphs show\); read by OCR$/) })]);
    expect(finding.read.ocr_pages).toBe(1);
  }, 120_000);

  it.each(['LiberationSans-Regular', 'LiberationSans-BoldItalic'] as const)('finds the lie of an embedded subset font (%s, no glyph names) by OCR of sampled lines', async (font) => {
    // Prepare: Type0/Identity-H, so the structural check cannot judge it; only OCR can
    const finding = await scan(await hostile.typedPage(APPLICATION, font, 11, true));
    // Assess
    expect(finding.verdict).toBe('pii');
    expect(finding.entities.filter((e) => e.source === 'ocr').map((e) => e.type)).toEqual(expect.arrayContaining(['US_SSN', 'PERSON']));
    expect(finding.issues).toEqual([{ reason: 'unreadable', detail: expect.stringMatching(/^page 1: the text layer does not match what the page shows \(OCR of [1-4] of [1-4] sampled lines reads other words\); read by OCR$/) }]);
  }, 120_000);

  it('files the same page with an honest map pii from its text layer, with no issue and no page OCR', async () => {
    const finding = await scan(await hostile.typedPage(APPLICATION, 'LiberationSans-Regular', 11, false));
    expect(finding).toMatchObject({ verdict: 'pii', issues: [], read: { ocr_pages: 0 } });
    expect(finding.entities.filter((e) => e.type === 'US_SSN').map((e) => e.source)).toEqual(['text']);
  }, 120_000);

  it('quarantines a lying page that shows no personal data (never clean)', async () => {
    const finding = await scan(await hostile.remappedTextLayer(['CONSUMER LOAN PROGRAM', 'All loans are subject to credit approval.']));
    expect(finding.verdict).toBe('quarantine');
    expect(finding.quarantine_reason).toBe('unreadable');
    expect(finding.quarantine_detail).toMatch(/text layer does not match/);
  }, 120_000);
});

describe('Function: scanDocument (XMP in every form)', () => {
  const long = `${'Loan servicing history. '.repeat(600)}Borrower SSN ${PERSON.ssn}`;
  it.each([
    ['an attribute (XMP shorthand)', hostile.xmpPacket('', `pdfx:BorrowerSSN="${PERSON.ssn}"`), false],
    ['CDATA', hostile.xmpPacket(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default"><![CDATA[<SSN> ${PERSON.ssn}]]></rdf:li></rdf:Alt></dc:description>`), false],
    ['a value of 14,000 characters', hostile.xmpPacket(`<ex:notes>${long}</ex:notes>`), false],
    ['rdf:Bag items', hostile.xmpPacket(`<dc:subject><rdf:Bag><rdf:li>loan</rdf:li><rdf:li>SSN ${PERSON.ssn}</rdf:li></rdf:Bag></dc:subject>`), false],
    ['a nested resource attribute', hostile.xmpPacket(`<ex:party><rdf:Seq><rdf:li><rdf:Description ex:ssn="${PERSON.ssn}"/></rdf:li></rdf:Seq></ex:party>`), false],
    ['a tool-ID field that holds no ID', hostile.xmpPacket(`<ex:DocumentID>SSN ${PERSON.ssn}</ex:DocumentID>`), false],
    ['a packet on the page, not the catalog', hostile.xmpPacket(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">SSN ${PERSON.ssn}</rdf:li></rdf:Alt></dc:title>`), true],
  ] as const)('finds an SSN only in XMP %s', async (_name, xmp, onPage) => {
    const finding = await scan(await hostile.withRawXmp(xmp, onPage));
    expect(finding.verdict).toBe('pii');
    expect(finding.entities.filter((e) => e.type === 'US_SSN').map((e) => e.source)).toEqual(['metadata']);
    expect(finding.issues).toEqual([]);
  }, 120_000);

  it.each([
    ['an unclosed element', hostile.xmpPacket('<dc:creator><rdf:Seq><rdf:li>Jane</rdf:Seq></dc:creator>')],
    ['an undefined entity', hostile.xmpPacket('<dc:creator>&borrower;</dc:creator>')],
    ['Latin-1 bytes (not UTF-8)', Buffer.from(hostile.xmpPacket('<dc:creator>Jos\u00e9</dc:creator>'), 'latin1')],
  ])('quarantines XMP that cannot be parsed: %s', async (_name, xmp) => {
    const finding = await scan(await hostile.withRawXmp(xmp));
    expect(finding.verdict).toBe('quarantine');
    expect(finding.quarantine_reason).toBe('unreadable');
    expect(finding.quarantine_detail).toMatch(/^XMP metadata could not be (parsed \(not well-formed XML at line \d+, column \d+\)|decoded)$/);
  }, 120_000);

  it('files a document with ordinary XMP (tool, IDs, dates) clean', async () => {
    const xmp = hostile.xmpPacket('<xmp:CreatorTool xmlns:xmp="http://ns.adobe.com/xap/1.0/">Microsoft Word for Microsoft 365</xmp:CreatorTool>'
      + '<xmpMM:DocumentID xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">uuid:6f1c2a4e-3b5d-4c8e-9f0a-1b2c3d4e5f60</xmpMM:DocumentID>'
      + '<xmp:CreateDate xmlns:xmp="http://ns.adobe.com/xap/1.0/">2024-03-05T10:22:41-05:00</xmp:CreateDate>'
      + '<dc:format>application/pdf</dc:format><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Consumer loan program</rdf:li></rdf:Alt></dc:title>');
    const finding = await scan(await hostile.withRawXmp(xmp));
    expect(finding.verdict).toBe('clean');
  }, 120_000);
});
