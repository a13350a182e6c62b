import { UnreadableDocumentError } from '../errors.js';
import { pdfjs } from './loadPdfjs.js';
import { pageText, type TextItemLike } from './pageText.js';

export interface ExtractLimits {
  maxBytes: number;
  maxPages: number;
}

/** Text of each page, and the pages with images but no text (their content cannot be read). */
export interface ExtractedPdf {
  pages: string[];
  imageOnlyPages: number[];
}

const IMAGE_OPS = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject,
  pdfjs.OPS.paintImageXObjectRepeat, pdfjs.OPS.paintInlineImageXObjectGroup]);

/** Extracts text page by page; throws UnreadableDocumentError naming why a document cannot be read. */
export async function extractPdfText(bytes: Uint8Array, limits: ExtractLimits): Promise<ExtractedPdf> {
  if (bytes.length === 0) throw new UnreadableDocumentError('zero_bytes', 'the object is empty');
  if (bytes.length > limits.maxBytes) throw new UnreadableDocumentError('too_large', `${bytes.length} bytes > ${limits.maxBytes}`);
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new UnreadableDocumentError('not_pdf', 'no %PDF- header');
  }
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdfjs transfers the buffer it is given; hand it a copy so the caller's bytes stay usable
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true }).promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') throw new UnreadableDocumentError('encrypted', 'password protected', { cause: err });
    throw new UnreadableDocumentError('corrupt', `cannot parse: ${(err as Error).message}`, { cause: err });
  }
  try {
    if (doc.numPages > limits.maxPages) throw new UnreadableDocumentError('too_many_pages', `${doc.numPages} pages > ${limits.maxPages}`);
    const out: ExtractedPdf = { pages: [], imageOnlyPages: [] };
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items as TextItemLike[]);
      out.pages.push(text);
      if (text.trim() === '') {
        const ops = await page.getOperatorList();
        if (ops.fnArray.some((op) => IMAGE_OPS.has(op))) out.imageOnlyPages.push(n);
      }
      page.cleanup();
    }
    return out;
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw err;
    throw new UnreadableDocumentError('corrupt', `cannot read page content: ${(err as Error).message}`, { cause: err });
  } finally {
    await doc.destroy();
  }
}
