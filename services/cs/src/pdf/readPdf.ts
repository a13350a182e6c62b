import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { crop, inkShare } from '../ocr/grayImage.js';
import { renderPage } from '../ocr/renderPage.js';
import { OcrUnavailableError, where, type FoundFile, type ReadContext } from '../reader/ReadContext.js';
import { ReadIssueError } from '../reader/ReadIssueError.js';
import { annotationTexts, type AnnotationLike } from './annotationText.js';
import { fieldObjects, metadataText, scriptsOf } from './documentText.js';
import { PDFJS_DATA, pdfjs } from './loadPdfjs.js';
import { analyzeOperators, area, mergeRects, type Rect } from './pageContent.js';
import { pageText } from './pageText.js';
import { classifyWarnings, takePdfjsWarnings } from './pdfjsWarnings.js';
import { charsInside, readPageTextItems } from './readPageText.js';
import { checkStreamBounds } from './streamBounds.js';
import { inspectStructure } from './structure.js';
import { HONEST_FROM, lineSimilarity, LYING_BELOW, pickSampleLines, sampleCrop, type FontedItem, type SampleLine } from './textLayerCheck.js';
import { assessText } from './textQuality.js';

/** A text layer this dense over an image (characters per square inch) is the image's own OCR layer. */
const LAYER_DENSITY = 8;
/** Filled shapes on a page without text or images from which it is probably text drawn as outlines. */
const OUTLINED_TEXT_PATHS = 300;
/** Share of dark pixels under which a rendered page is a blank sheet (scanner specks stay well below it). */
const BLANK_INK = 0.01;
/** OCR output shorter than this says too little to judge its confidence. */
const MIN_JUDGED_CHARS = 20;
const SQ_IN = 72 * 72;

/**
 * Reads everything one PDF carries into `ctx`: page text (OCR'd where the page is a picture, has
 * pictures or its text layer is garbage), form values, annotations, properties, XMP, bookmarks;
 * records active content and unreadable pages as issues; returns the files attached to it.
 * Throws ReadIssueError when the PDF cannot be read at all or breaks a limit.
 */
export async function readPdf(bytes: Uint8Array, ctx: ReadContext, attachment: string | null): Promise<FoundFile[]> {
  const at = where(attachment);
  if (bytes.length === 0) throw new ReadIssueError('zero_bytes', `${at}the file is empty`);
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) throw new ReadIssueError('not_pdf', `${at}no %PDF- header`);
  checkStreamBounds(bytes, ctx.limits);

  let doc: PDFDocumentProxy;
  try {
    // pdfjs transfers the buffer it is given; a copy keeps the caller's bytes usable
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes), ...PDFJS_DATA, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      // recover like a viewer and report what was skipped through warnings (see pdfjsWarnings.ts):
      // with stopAtErrors, getOperatorList resolves with an empty list instead of failing
      verbosity: 1, stopAtErrors: false, maxImageSize: ctx.limits.maxImagePixels, enableXfa: true, isOffscreenCanvasSupported: false,
    }).promise;
  } catch (err) {
    if ((err as { name?: string }).name === 'PasswordException') throw new ReadIssueError('encrypted', `${at}password protected`, { cause: err });
    throw new ReadIssueError('corrupt', `${at}cannot parse: ${(err as Error).message}`, { cause: err });
  }
  try {
    ctx.stats.pages += doc.numPages;
    if (doc.numPages > ctx.limits.maxPages) throw new ReadIssueError('too_many_pages', `${at}${doc.numPages} pages > ${ctx.limits.maxPages}`);
    // the object walk after the page count: a 2,000-page file is refused before it is parsed twice
    const structure = await inspectStructure(bytes);
    for (const what of structure.active) ctx.addIssue({ reason: 'active_content', detail: `${at}${what}` });
    const files: FoundFile[] = [];
    const seenFields = new Set<string>();
    const verified = new Set<string>();
    takePdfjsWarnings();
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      try {
        await readPage(doc, page, ctx, attachment, files, seenFields, structure.lyingFonts.get(n - 1) ?? [], verified);
      } finally {
        page.cleanup();
      }
      const { tooManyPixels, dropped } = classifyWarnings(takePdfjsWarnings());
      if (tooManyPixels) throw new ReadIssueError('too_many_pixels', `${at}page ${n}: an image has more than ${ctx.limits.maxImagePixels} pixels`);
      if (dropped) ctx.addIssue({ reason: 'unreadable', detail: `${at}page ${n}: ${dropped}` });
    }
    await ctx.drain();
    await readDocumentLevel(doc, ctx, attachment, structure, seenFields, files);
    return files;
  } catch (err) {
    if (err instanceof ReadIssueError || err instanceof OcrUnavailableError) throw err;
    const message = (err as Error).message ?? String(err);
    if (/exceeded maximum allowed size/.test(message)) throw new ReadIssueError('too_many_pixels', `${at}an image has more than ${ctx.limits.maxImagePixels} pixels`, { cause: err });
    if (err instanceof RangeError) throw new ReadIssueError('memory_limit', `${at}${message}`, { cause: err });
    throw new ReadIssueError('corrupt', `${at}cannot read content: ${message}`, { cause: err });
  } finally {
    await doc.destroy();
  }
}

async function readPage(doc: PDFDocumentProxy, page: PDFPageProxy, ctx: ReadContext, attachment: string | null, files: FoundFile[], seenFields: Set<string>, lyingFonts: string[], verified: Set<string>): Promise<void> {
  const n = page.pageNumber;
  const at = where(attachment);
  const items = await readPageTextItems(page, ctx.limits.maxPageTextItems);
  const text = pageText(items);
  const quality = assessText(text);
  const content = analyzeOperators(await page.getOperatorList(), page.view);

  let fullPage: string | null = null;
  let regions: Rect[] = [];
  if (!quality.plausible) fullPage = `the text layer is not language (${quality.reason})`;
  else if (lyingFonts.length > 0 && text.trim() !== '') {
    // the text layer reads other words than the page shows (a remapping font): what is shown is read
    // by OCR, and the page stays an issue, so the document is pii or quarantined, never clean
    fullPage = `the text layer does not match what the page shows (${lyingFonts.join('; ')})`;
    ctx.addIssue({ reason: 'unreadable', detail: `${at}page ${n}: ${fullPage}; read by OCR` });
  }
  else if (text.trim() === '' && (content.images.length > 0 || content.filledPaths >= OUTLINED_TEXT_PATHS)) fullPage = content.images.length > 0 ? 'image-only page' : 'text drawn as shapes';
  else {
    const minArea = ctx.ocr.minImageSquareInches * SQ_IN;
    regions = mergeRects(content.images).filter((r) => area(r) >= minArea && charsInside(items, r) / (area(r) / SQ_IN) < LAYER_DENSITY);
  }
  if (quality.plausible) {
    ctx.addText({ kind: 'text', page: n, attachment, text });
    if (text.trim()) ctx.stats.textPages += 1;
  }
  if (fullPage || regions.length > 0) {
    if (!ctx.ocr.enabled) {
      ctx.addIssue(fullPage && quality.plausible
        ? { reason: 'no_text_layer', detail: `${at}page ${n}: ${fullPage}, OCR is off` }
        : { reason: 'unreadable', detail: `${at}page ${n}: ${fullPage ?? 'pictures on the page not read'}, OCR is off` });
    } else await ocrPage(doc, page, ctx, attachment, fullPage, regions);
  }

  if (!fullPage && ctx.ocr.enabled && text.trim()) {
    const sample = pickSampleLines(items as FontedItem[], verified);
    if (sample.length > 0) await checkTextLayer(doc, page, ctx, attachment, sample, verified);
  }

  const raw = (await page.getAnnotations()) as AnnotationLike[];
  const annotations = annotationTexts(raw);
  for (const a of raw) if (a.subtype === 'Widget' && a.fieldName) seenFields.add(a.fieldName);
  if (annotations.form.length > 0) ctx.addText({ kind: 'form', page: n, attachment, text: annotations.form.join('\n') });
  if (annotations.notes.length > 0) ctx.addText({ kind: 'annotation', page: n, attachment, text: annotations.notes.join('\n') });
  ctx.stats.formFields += annotations.form.length;
  ctx.stats.annotations += annotations.notes.length;
  files.push(...annotations.files);
  const scripts = [...annotations.scripts, ...scriptsOf((await page.getJSActions()) as Record<string, string[]> | null)];
  if (scripts.length > 0) ctx.addIssue({ reason: 'active_content', detail: `${at}JavaScript on page ${n}` });
}

/**
 * Renders the page (or crops its pictures) now, while pdf.js has the page, and recognises the
 * images in the background (ReadContext.schedule), so the next page is read while tesseract works.
 */
async function ocrPage(doc: PDFDocumentProxy, page: PDFPageProxy, ctx: ReadContext, attachment: string | null, fullPage: string | null, regions: Rect[]): Promise<void> {
  const n = page.pageNumber;
  const at = where(attachment);
  const t0 = performance.now();
  const engine = await ctx.ocrEngine();
  const rendered = await renderPage(doc, page, ctx.ocr.dpi, ctx.limits.maxRenderPixels);
  ctx.stats.renderedPixels += rendered.image.width * rendered.image.height;
  const images = fullPage ? [rendered.image] : regions.map((r) => crop(rendered.image, rendered.toPixels(r)));
  ctx.stats.ocrMs += performance.now() - t0;
  if (fullPage) ctx.stats.ocrPages += 1;
  else ctx.stats.ocrRegions += images.length;
  await ctx.schedule(async () => {
    const t1 = performance.now();
    const results = await Promise.all(images.map((img) => engine.recognize(img)));
    ctx.stats.ocrMs += performance.now() - t1;
    for (const [i, r] of results.entries()) {
      ctx.recordOcr(r.confidence, r.chars);
      const lowConfidence = r.chars >= MIN_JUDGED_CHARS && r.confidence < ctx.ocr.minConfidence;
      // a whole page's words keep their boxes (in user space) for the redacted copy
      const words = fullPage && r.words ? r.words.map((w) => ({ text: w.text, ...rendered.toUser(w) })) : undefined;
      ctx.addText({ kind: 'ocr', page: n, attachment, text: r.text, ...(lowConfidence ? { lowConfidence } : {}), ...(words ? { words } : {}) });
      const what = fullPage ? `page ${n}` : `page ${n}, image ${i + 1}`;
      if (lowConfidence) {
        ctx.addIssue({ reason: 'unreadable', detail: `${at}${what}: OCR confidence ${Math.round(r.confidence)} < ${ctx.ocr.minConfidence}` });
      } else if (fullPage && r.chars < MIN_JUDGED_CHARS && inkShare(images[i]!) > BLANK_INK) {
        // a whole page that shows something (not a blank sheet) but no legible text: handwriting OCR
        // cannot segment, a photo of a document, or a picture; what it shows was not read
        ctx.addIssue({ reason: 'unreadable', detail: `${at}${what}: ${fullPage}, and OCR found no legible text` });
      }
    }
  }, engine.size);
}

/**
 * Compares a few lines of the text layer with OCR of the same lines on the rendered page (see
 * textLayerCheck.ts): a font can draw one glyph and map it to another character, so the text layer
 * reads other words than a person sees. A line that reads alike confirms its font's characters for
 * the rest of the document; a line that reads differently makes the page lying: the whole page is
 * read by OCR and it stays an issue (`unreadable`), so the document is pii or quarantined, never clean.
 */
async function checkTextLayer(doc: PDFDocumentProxy, page: PDFPageProxy, ctx: ReadContext, attachment: string | null, sample: SampleLine[], verified: Set<string>): Promise<void> {
  const n = page.pageNumber;
  const at = where(attachment);
  const t0 = performance.now();
  const engine = await ctx.ocrEngine();
  const rendered = await renderPage(doc, page, ctx.ocr.dpi, ctx.limits.maxRenderPixels);
  const crops = sample.map((line) => sampleCrop(rendered, line.rect));
  ctx.stats.ocrMs += performance.now() - t0;
  await ctx.schedule(async () => {
    const t1 = performance.now();
    const readings = await Promise.all(crops.map((img) => engine.recognize(img, { straighten: false })));
    let lying = 0;
    for (const [i, r] of readings.entries()) {
      // a line OCR cannot read says nothing about the text layer
      if (r.chars < 4 || r.confidence < ctx.ocr.minConfidence) continue;
      const similarity = lineSimilarity(sample[i]!.text, r.text);
      if (similarity >= HONEST_FROM) for (const k of sample[i]!.keys) verified.add(k);
      else if (similarity < LYING_BELOW) lying += 1;
    }
    if (lying > 0) {
      const full = await engine.recognize(rendered.image);
      ctx.recordOcr(full.confidence, full.chars);
      ctx.stats.ocrPages += 1;
      ctx.addText({ kind: 'ocr', page: n, attachment, text: full.text, ...(full.confidence < ctx.ocr.minConfidence ? { lowConfidence: true } : {}) });
      ctx.addIssue({ reason: 'unreadable', detail: `${at}page ${n}: the text layer does not match what the page shows (OCR of ${lying} of ${sample.length} sampled lines reads other words); read by OCR` });
    }
    ctx.stats.ocrMs += performance.now() - t1;
  }, engine.size);
}

async function readDocumentLevel(doc: PDFDocumentProxy, ctx: ReadContext, attachment: string | null, structure: Awaited<ReturnType<typeof inspectStructure>>, seenFields: Set<string>, files: FoundFile[]): Promise<void> {
  const at = where(attachment);
  const metadata = await metadataText(doc, structure);
  ctx.addText({ kind: 'metadata', page: null, attachment, text: metadata.text });
  for (const what of metadata.unreadable) ctx.addIssue({ reason: 'unreadable', detail: `${at}${what}` });
  // values of fields no page shows: hidden fields, fields without widgets, XFA data
  const { values, scripts } = await fieldObjects(doc);
  const lines: string[] = [];
  for (const [name, v] of values) if (!seenFields.has(name)) { lines.push(`${v.label}: ${v.value}`); seenFields.add(name); }
  for (const f of structure.fields) if (!seenFields.has(f.name)) { lines.push(`${f.label || f.name.split('.').pop()}: ${f.value}`); seenFields.add(f.name); }
  if (structure.xfaData) lines.push(structure.xfaData);
  if (lines.length > 0) ctx.addText({ kind: 'form', page: null, attachment, text: lines.join('\n') });
  ctx.stats.formFields += lines.length;
  if (scripts.length > 0 || scriptsOf((await doc.getJSActions()) as Record<string, string[]> | null).length > 0) ctx.addIssue({ reason: 'active_content', detail: `${at}JavaScript in the document` });
  const attached = (await doc.getAttachments()) as Record<string, { filename?: string; content?: Uint8Array }> | null;
  for (const [key, file] of Object.entries(attached ?? {})) if (file.content) files.push({ name: file.filename ?? key, content: file.content });
}
