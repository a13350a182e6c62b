import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, type PDFPage } from 'pdf-lib';
import type { RasterPage } from './rasterPage.js';
import { rewriteText, type Box } from './rewriteText.js';

/** Parts of a PDF the redacted copy leaves out entirely: they can hold personal data no box can cover. */
export const REMOVED_PARTS = ['annotations', 'form', 'metadata', 'attachments', 'javascript', 'actions', 'outlines', 'structure'] as const;

export interface RedactedPdf {
  bytes: Uint8Array;
  /** Black boxes drawn, per 1-based page. */
  boxes: Map<number, Box[]>;
  /** Values (line segments) found in no text-showing operator of their page. */
  unlocated: number;
}

/**
 * A copy of `bytes` without the text of `values` (per 1-based page; each value one line of text) and
 * without the parts that cannot be redacted in place (REMOVED_PARTS). The pages are copied into a new
 * document, so nothing the kept pages do not reference (old content streams, field values, the
 * information dictionary, XMP, embedded files) is written at all.
 */
export async function redactPdf(bytes: Uint8Array, values: ReadonlyMap<number, readonly string[]>, raster: ReadonlyMap<number, RasterPage> = new Map()): Promise<RedactedPdf> {
  const src = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  const boxes = new Map<number, Box[]>();
  let unlocated = 0;
  for (const [index, page] of src.getPages().entries()) {
    if (raster.has(index + 1)) continue;
    for (const key of ['Annots', 'AA', 'Metadata', 'PieceInfo', 'StructParents', 'Thumb', 'B']) page.node.delete(PDFName.of(key));
    const wanted = values.get(index + 1) ?? [];
    const content = pageContent(page);
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const result = rewriteText(content, fonts, wanted);
    unlocated += result.unlocated;
    if (result.boxes.length > 0) boxes.set(index + 1, result.boxes);
    page.node.set(PDFName.of('Contents'), src.context.register(src.context.flateStream(result.content)));
  }
  // only the pages travel: catalog entries (AcroForm, Names with EmbeddedFiles and JavaScript,
  // OpenAction, AA, Outlines, Metadata, StructTreeRoot) and the Info dictionary stay behind
  const out = await PDFDocument.create({ updateMetadata: false });
  // a page given as a picture (a scan with its boxes painted) replaces the page whole: nothing of the
  // original page is copied, so no original pixel or text of it reaches the file
  const kept = src.getPageIndices().filter((i) => !raster.has(i + 1));
  const copied = new Map((await out.copyPages(src, kept)).map((p, k) => [kept[k]!, p]));
  for (const i of src.getPageIndices()) {
    const picture = raster.get(i + 1);
    if (!picture) {
      out.addPage(copied.get(i)!);
      continue;
    }
    const page = out.addPage([picture.width, picture.height]);
    page.drawImage(await out.embedJpg(picture.jpeg), { x: 0, y: 0, width: picture.width, height: picture.height });
    page.node.delete(PDFName.of('Annots')); // drawing gave the new page an empty list
  }
  return { bytes: await out.save({ useObjectStreams: false }), boxes, unlocated };
}

/** The page's content streams, decoded and joined (a page may split its content over several). */
function pageContent(page: PDFPage): Uint8Array {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray
    ? contents.asArray().map((ref) => page.doc.context.lookup(ref))
    : [contents];
  const parts: Uint8Array[] = [];
  for (const s of streams) {
    if (s instanceof PDFRawStream) parts.push(decodePDFRawStream(s).decode());
    else if (s instanceof PDFStream) parts.push(s.getContents());
    else if (s !== undefined) throw new Error('page content is not a stream');
    parts.push(new Uint8Array([10]));
  }
  return new Uint8Array(Buffer.concat(parts));
}
