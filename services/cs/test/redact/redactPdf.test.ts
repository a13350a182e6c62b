import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { writeFormPdf } from '../../src/local/documents/formPdf.js';
import { addNote, addOpenActionScript, addPageOpenScript, setXmp } from '../../src/local/documents/pdfParts.js';
import { writeTextPdf } from '../../src/local/pdfWriter.js';
import { PDFJS_DATA, pdfjs } from '../../src/pdf/loadPdfjs.js';
import { redactPdf } from '../../src/redact/redactPdf.js';

interface Item { str: string; x: number; y: number; end: number }

/** Text items of every page as pdf.js extracts them. */
async function extract(bytes: Uint8Array): Promise<Item[][]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA, verbosity: 0 }).promise;
  const pages: Item[][] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    pages.push((items as { str: string; transform: number[]; width: number }[]).map((i) => ({ str: i.str, x: i.transform[4]!, y: i.transform[5]!, end: i.transform[4]! + i.width })));
  }
  await doc.destroy();
  return pages;
}
const textOf = (pages: Item[][]) => pages.map((p) => p.map((i) => i.str).join('')).join('\n').replace(/[ \t]+/g, ' ');

describe('Function: redactPdf', () => {
  it('removes the glyphs of each value from the content streams and keeps the rest of the line in place', async () => {
    // Prepare
    const pdf = await writeTextPdf(['Borrower Name: Chiamaka Adeyemi (borrower)\nSocial Security Number: 536-22-8674 on file', 'Email: chiamaka.adeyemi@example-mail.net']);
    const before = await extract(pdf);
    // Act
    const copy = await redactPdf(pdf, new Map([[1, ['Chiamaka Adeyemi', '536-22-8674']], [2, ['chiamaka.adeyemi@example-mail.net']]]));
    // Assess
    const after = await extract(copy.bytes);
    const text = textOf(after);
    for (const raw of ['Chiamaka', 'Adeyemi', '536-22-8674', 'example-mail', '8674']) expect(text).not.toContain(raw);
    for (const kept of ['Borrower', 'Name:', '(borrower)', 'Social', 'Security', 'Number:', 'on file', 'Email:']) expect(text).toContain(kept);
    // the words after a removed value are drawn where they were
    const at = (pages: Item[][], s: string) => pages[0]!.find((i) => i.str.includes(s))!;
    expect(at(after, '(borrower)').x).toBeCloseTo(at(before, '(borrower)').x, 1);
    expect(at(after, 'file').x).toBeCloseTo(at(before, 'file').x, 1);
    expect(copy.unlocated).toBe(0);
    expect(copy.boxes.get(1)).toHaveLength(2);
    expect(copy.boxes.get(2)).toHaveLength(1);
    // the box covers the SSN: it starts where the SSN did
    const ssnBox = copy.boxes.get(1)!.find((b) => b.y0 < at(before, 'Social').y && b.y1 > at(before, 'Social').y)!;
    expect(ssnBox.x0).toBeCloseTo(36 + 'Social Security Number: '.length * 5.4, 1);
    expect(ssnBox.x1 - ssnBox.x0).toBeCloseTo('536-22-8674'.length * 5.4, 1);
  });

  it('handles literal strings, TJ arrays with kerning, the \' and " operators and character spacing', async () => {
    // Prepare: a hand-written content stream in Helvetica (proportional widths)
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    page.setFont(font);
    // the resource name pdf-lib gave the font (getFont is private in its types)
    const name = (page as unknown as { getFont(): [unknown, PDFName] }).getFont()[1].decodeText();
    const content = `BT /${name} 12 Tf 14 TL 72 700 Td (Name: Jane \\(Q\\) Roe, applicant) Tj\n`
      + `0 -20 Td [(SSN ) -250 (536-22-) 10 (8674) ( verified)] TJ\n`
      + `(Phone 415-555-0132 mobile) '\n2 1 (Card 4111111111111111 expired) "\n0.3 Tc 0 -20 Td (Spaced 521-47-3390 out) Tj ET`;
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(content)));
    const pdf = await doc.save();
    const before = await extract(pdf);
    // Act
    const copy = await redactPdf(pdf, new Map([[1, ['Jane (Q) Roe', '536-22-8674', '415-555-0132', '4111111111111111', '521-47-3390']]]));
    // Assess
    const after = await extract(copy.bytes);
    const text = textOf(after);
    for (const raw of ['Jane', 'Roe', '536-22', '8674', '415-555', '4111', '521-47']) expect(text).not.toContain(raw);
    for (const kept of ['Name:', 'applicant', 'SSN', 'verified', 'Phone', 'mobile', 'Card', 'expired', 'Spaced', 'out']) expect(text).toContain(kept);
    // each line ends where it ended: the removed glyphs' advance is kept
    const end = (pages: Item[][], s: string) => pages[0]!.find((i) => i.str.includes(s))!.end;
    for (const word of ['applicant', 'verified', 'mobile', 'expired', 'out']) expect(end(after, word)).toBeCloseTo(end(before, word), 1);
    expect(copy.unlocated).toBe(0);
    expect(copy.boxes.get(1)).toHaveLength(5);
  });

  it('counts a value it cannot find in one text operator as unlocated (split over two operators)', async () => {
    // Prepare
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Courier);
    const page = doc.addPage([612, 792]);
    page.drawText('SSN 536-22-', { x: 72, y: 700, size: 10, font });
    page.drawText('8674', { x: 72 + 11 * 6, y: 700, size: 10, font });
    // Act
    const copy = await redactPdf(await doc.save(), new Map([[1, ['536-22-8674']]]));
    // Assess
    expect(copy.unlocated).toBe(1);
    expect(textOf(await extract(copy.bytes))).toContain('8674');
  });

  it('leaves out annotations, form fields, metadata (Info and XMP), attachments, JavaScript and actions', async () => {
    // Prepare: one document carrying every part
    const doc = await writeFormPdf('PERSONAL LOAN APPLICATION', [{ label: 'Borrower name', name: 'borrower_name', value: 'Chiamaka Adeyemi' }],
      [{ name: 'co_applicant_email', value: 'hidden.value@example-mail.net' }]);
    const page = doc.getPage(0);
    addNote(doc, page, 'Loan officer', 'Called at (415) 555-0132');
    doc.setAuthor('Author Okonkwo');
    doc.setTitle('Loan file of Author Okonkwo');
    setXmp(doc, 'Xmp Creatorname', 'Contact xmp.person@example-mail.net');
    await doc.attach(new TextEncoder().encode('SSN 536-22-8674'), 'notes.txt', { mimeType: 'text/plain' });
    addOpenActionScript(doc, 'app.alert("open");');
    addPageOpenScript(doc, page, 'app.alert("page");');
    doc.catalog.set(PDFName.of('AA'), doc.context.obj({ WC: { S: 'JavaScript', JS: PDFString.of('app.alert("close");') } }));
    const pdf = await doc.save({ useObjectStreams: false });
    // Act
    const copy = await redactPdf(pdf, new Map());
    // Assess: as pdf.js reads it
    const js = await pdfjs.getDocument({ data: new Uint8Array(copy.bytes), ...PDFJS_DATA, verbosity: 0 }).promise;
    expect(await (await js.getPage(1)).getAnnotations()).toEqual([]);
    expect(await js.getFieldObjects()).toBeNull();
    expect(await js.getAttachments()).toBeNull();
    expect(await js.getJSActions()).toBeNull();
    expect(await (await js.getPage(1)).getJSActions()).toBeNull();
    const meta = await js.getMetadata();
    expect(meta.metadata).toBeNull();
    expect(JSON.stringify(meta.info)).not.toMatch(/Okonkwo/);
    await js.destroy();
    // and in the file itself: no object of the original's form, notes or metadata is written at all
    const raw = Buffer.from(copy.bytes).toString('latin1');
    for (const value of ['Chiamaka', 'hidden.value', '555-0132', 'Okonkwo', 'Creatorname', 'xmp.person', 'app.alert', 'notes.txt', '/AcroForm', '/OpenAction', '/EmbeddedFiles', '/Annots']) {
      expect(raw).not.toContain(value);
    }
    const reloaded = await PDFDocument.load(copy.bytes, { updateMetadata: false });
    expect(reloaded.catalog.get(PDFName.of('AA'))).toBeUndefined();
    expect(reloaded.catalog.get(PDFName.of('Names'))).toBeUndefined();
    expect(reloaded.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
  });
});
