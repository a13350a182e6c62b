// Building blocks for generated test and benchmark PDFs: the places besides page text where real
// documents carry data (annotations, properties, XMP, attachments) and active content.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';

/** Adds an annotation dictionary to `page`. */
function addAnnotation(doc: PDFDocument, page: PDFPage, dict: Record<string, unknown>): void {
  const ref = doc.context.register(doc.context.obj(dict as never));
  const annots = page.node.lookup(PDFName.of('Annots'));
  if (annots instanceof PDFArray) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]));
}

/** A sticky note (Text annotation) with an author and a comment. */
export function addNote(doc: PDFDocument, page: PDFPage, author: string, contents: string, at: [number, number] = [500, 700]): void {
  addAnnotation(doc, page, { Type: 'Annot', Subtype: 'Text', Rect: [at[0], at[1], at[0] + 20, at[1] + 20], T: PDFHexString.fromText(author), Contents: PDFHexString.fromText(contents), Open: false });
}

/** A text box drawn over the page (FreeText annotation), as reviewers add. */
export function addFreeText(doc: PDFDocument, page: PDFPage, contents: string, rect: [number, number, number, number]): void {
  addAnnotation(doc, page, { Type: 'Annot', Subtype: 'FreeText', Rect: rect, Contents: PDFHexString.fromText(contents), DA: PDFString.of('/Helv 10 Tf 0 g') });
}

/** A link to a URI (mailto: links carry addresses). */
export function addLink(doc: PDFDocument, page: PDFPage, uri: string, rect: [number, number, number, number]): void {
  addAnnotation(doc, page, { Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of(uri) } });
}

/** A file attached to the page as a paper-clip icon (FileAttachment annotation). */
export function addFileAnnotation(doc: PDFDocument, page: PDFPage, name: string, content: Uint8Array): void {
  const stream = doc.context.flateStream(content, { Type: 'EmbeddedFile' });
  const fileSpec = doc.context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFHexString.fromText(name), EF: { F: doc.context.register(stream) } });
  addAnnotation(doc, page, { Type: 'Annot', Subtype: 'FileAttachment', Rect: [40, 40, 60, 60], FS: doc.context.register(fileSpec), Contents: PDFHexString.fromText('attachment') });
}

/** An XMP metadata packet on the catalog with a creator (dc:creator) and a description. */
export function setXmp(doc: PDFDocument, creator: string, description: string): void {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xmp = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`
    + `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${esc(creator)}</rdf:li></rdf:Seq></dc:creator>`
    + `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(description)}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const stream = doc.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

/** JavaScript that runs when the document opens. */
export function addOpenActionScript(doc: PDFDocument, code: string): void {
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of(code) }));
}

/** A link whose action launches a program. */
export function addLaunchLink(doc: PDFDocument, page: PDFPage, program: string): void {
  addAnnotation(doc, page, { Type: 'Annot', Subtype: 'Link', Rect: [50, 50, 200, 70], A: { S: 'Launch', F: PDFString.of(program), NewWindow: true } });
}

/** JavaScript on a page's open trigger (/AA /O). */
export function addPageOpenScript(doc: PDFDocument, page: PDFPage, code: string): void {
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: { S: 'JavaScript', JS: PDFString.of(code) } }));
}

/** Acrobat's number formatting on a field (keystroke and format actions), as fillable forms carry. */
export function addNumberFormat(doc: PDFDocument, widget: PDFDict): void {
  widget.set(PDFName.of('AA'), doc.context.obj({
    K: { S: 'JavaScript', JS: PDFString.of('AFNumber_Keystroke(2, 0, 0, 0, "$", true);') },
    F: { S: 'JavaScript', JS: PDFString.of('AFNumber_Format(2, 0, 0, 0, "$", true);') },
  }));
}
