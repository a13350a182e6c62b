import type { OcrEngine } from '../ocr/OcrEngine.js';
import type { Issue, OcrSettings, ReadLimits, ReadStats, TextPart } from './protocol.js';
import { ReadIssueError } from './ReadIssueError.js';

/** A file found inside a document (attachment or file annotation), read after the document. */
export interface FoundFile {
  name: string;
  content: Uint8Array;
}

/** State of one reading, shared by the document and every attachment inside it. */
export class ReadContext {
  readonly parts: TextPart[] = [];
  readonly issues: Issue[] = [];
  readonly stats: ReadStats = {
    pages: 0, textPages: 0, ocrPages: 0, ocrRegions: 0, ocrConfidence: null, formFields: 0, annotations: 0, attachments: 0,
    chars: 0, renderedPixels: 0, ocrMs: 0,
  };
  private confidenceSum = 0;
  private confidenceWeight = 0;
  private readonly inflight = new Set<Promise<void>>();
  private failure: unknown = null;

  readonly ocrEngine: () => Promise<OcrEngine>;

  constructor(readonly limits: ReadLimits, readonly ocr: OcrSettings, engine: () => Promise<OcrEngine>) {
    // an engine that cannot start is the deployment's fault, not the document's: never "corrupt"
    this.ocrEngine = () => engine().catch((err: unknown) => { throw new OcrUnavailableError(err); });
  }

  /** Adds text read from the document, counting it against MAX_TEXT_CHARS. */
  addText(part: TextPart): void {
    const text = part.text.trim();
    if (!text) return;
    this.stats.chars += text.length;
    if (this.stats.chars > this.limits.maxTextChars) {
      throw new ReadIssueError('too_much_text', `more than ${this.limits.maxTextChars} characters of text`);
    }
    this.parts.push({ ...part, text });
  }

  /** Records an issue once per reason and detail. */
  addIssue(issue: Issue): void {
    if (!this.issues.some((i) => i.reason === issue.reason && i.detail === issue.detail)) this.issues.push(issue);
  }

  /**
   * Runs `task` (OCR of a rendered page) alongside the reading of the next pages, with at most
   * `limit` tasks in flight: rendering one page overlaps recognising the one before.
   */
  async schedule(task: () => Promise<void>, limit: number): Promise<void> {
    while (this.inflight.size >= Math.max(1, limit)) await Promise.race(this.inflight);
    if (this.failure) throw this.failure;
    const run: Promise<void> = task().catch((err: unknown) => { this.failure ??= err; }).finally(() => { this.inflight.delete(run); });
    this.inflight.add(run);
  }

  /** Waits for every scheduled task; rethrows the first failure. */
  async drain(): Promise<void> {
    while (this.inflight.size > 0) await Promise.race(this.inflight);
    if (this.failure) throw this.failure;
  }

  recordOcr(confidence: number, chars: number): void {
    if (chars === 0) return;
    this.confidenceSum += confidence * chars;
    this.confidenceWeight += chars;
    this.stats.ocrConfidence = Math.round(this.confidenceSum / this.confidenceWeight);
  }
}

/** tesseract could not start (missing trained data or wasm): the reader fails the document as reader_failed. */
export class OcrUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`OCR unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'OcrUnavailableError';
  }
}

/** "attachment 2/1: " for text from inside attachments, "" for the document itself. */
export const where = (attachment: string | null): string => (attachment ? `attachment ${attachment}: ` : '');
