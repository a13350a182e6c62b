import { decodeImage } from '../ocr/decodeImage.js';
import type { OcrEngine } from '../ocr/OcrEngine.js';
import { readPdf } from '../pdf/readPdf.js';
import { decodeText, fileKind } from './fileKind.js';
import type { OcrSettings, ReadLimits, ReadResult } from './protocol.js';
import { ReadContext, type FoundFile } from './ReadContext.js';
import { ReadIssueError } from './ReadIssueError.js';

/**
 * Reads a PDF and, breadth first, every file attached to it: PDFs (recursively, up to
 * MAX_ATTACHMENT_DEPTH), text files, and pictures (OCR). Executables are active content; other file
 * types are unsupported. An issue inside one attachment is recorded and reading goes on; a
 * document-level one (limits, corrupt, encrypted) ends the reading with what was read so far.
 */
export async function readDocument(bytes: Uint8Array, limits: ReadLimits, ocr: OcrSettings, engine: () => Promise<OcrEngine>): Promise<ReadResult> {
  const ctx = new ReadContext(limits, ocr, engine);
  try {
    const queue: { path: string; depth: number; file: FoundFile }[] = [];
    const enqueue = (files: FoundFile[], parent: string | null, depth: number) => {
      files.forEach((file, i) => queue.push({ path: parent ? `${parent}/${i + 1}` : String(i + 1), depth, file }));
    };
    enqueue(await readPdf(bytes, ctx, null), null, 1);
    while (queue.length > 0) {
      const { path, depth, file } = queue.shift()!;
      ctx.stats.attachments += 1;
      if (ctx.stats.attachments > limits.maxAttachments) throw new ReadIssueError('too_many_attachments', `more than ${limits.maxAttachments} attached files`);
      if (depth > limits.maxAttachmentDepth) throw new ReadIssueError('too_many_attachments', `attachments nested more than ${limits.maxAttachmentDepth} deep`);
      try {
        enqueue(await readAttachment(file, path, ctx), path, depth + 1);
      } catch (err) {
        if (!(err instanceof ReadIssueError) || isDocumentLimit(err)) throw err;
        ctx.addIssue({ reason: err.reason, detail: err.detail.startsWith('attachment ') ? err.detail : `attachment ${path}: ${err.detail}` });
      }
    }
  } catch (err) {
    if (!(err instanceof ReadIssueError)) throw err;
    ctx.addIssue({ reason: err.reason, detail: err.detail });
  }
  return { parts: ctx.parts, issues: ctx.issues, stats: ctx.stats };
}

/** Limits that count the whole document: exceeding one inside an attachment stops everything. */
const isDocumentLimit = (err: ReadIssueError) => ['too_much_text', 'too_many_attachments', 'compression_bomb', 'memory_limit'].includes(err.reason);

async function readAttachment(file: FoundFile, path: string, ctx: ReadContext): Promise<FoundFile[]> {
  const label = `attachment ${path}`;
  // a file name can name a person ("J Smith SSN.txt"): it is read like any other text
  ctx.addText({ kind: 'metadata', page: null, attachment: path, text: file.name });
  const kind = fileKind(file.content, file.name);
  switch (kind.kind) {
    case 'pdf':
      return readPdf(file.content, ctx, path);
    case 'text':
      ctx.addText({ kind: 'text', page: null, attachment: path, text: decodeText(file.content, kind.encoding) });
      return [];
    case 'image': {
      if (!ctx.ocr.enabled) throw new ReadIssueError('unreadable', `${label}: ${kind.format} picture, OCR is off`);
      const image = await decodeImage(file.content, ctx.limits.maxRenderPixels, ctx.limits.maxImagePixels, label);
      const t0 = performance.now();
      const result = await (await ctx.ocrEngine()).recognize(image);
      ctx.stats.ocrMs += performance.now() - t0;
      ctx.stats.ocrRegions += 1;
      ctx.stats.renderedPixels += image.width * image.height;
      ctx.recordOcr(result.confidence, result.chars);
      const lowConfidence = result.chars >= 20 && result.confidence < ctx.ocr.minConfidence;
      ctx.addText({ kind: 'ocr', page: null, attachment: path, text: result.text, ...(lowConfidence ? { lowConfidence } : {}) });
      if (lowConfidence) {
        ctx.addIssue({ reason: 'unreadable', detail: `${label}: OCR confidence ${Math.round(result.confidence)} < ${ctx.ocr.minConfidence}` });
      }
      return [];
    }
    case 'executable':
      ctx.addIssue({ reason: 'active_content', detail: `${label}: embedded ${kind.what}` });
      return [];
    case 'unsupported':
      ctx.addIssue({ reason: 'unsupported_attachment', detail: `${label}: ${kind.what}` });
      return [];
  }
}
