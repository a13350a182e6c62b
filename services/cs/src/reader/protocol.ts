// What the parent process sends the document reader and what it gets back. Everything here crosses
// a process boundary (structured clone), so it is plain data.

/** Where a piece of text came from inside the document. */
export const TEXT_PARTS = ['text', 'ocr', 'form', 'annotation', 'metadata'] as const;
export type TextPartKind = (typeof TEXT_PARTS)[number];

/** One piece of text read from a document; detection runs on each part separately. */
export interface TextPart {
  kind: TextPartKind;
  /** 1-based page of the (innermost) PDF it was read from; null for document-level text (metadata, fields without a page). */
  page: number | null;
  /** Path of attachment indices ("2", "2/1") when the text came from an attached file; null for the document itself. */
  attachment: string | null;
  text: string;
  /** OCR'd text below OCR_MIN_CONFIDENCE: listed, but what it seems to contain cannot outweigh the page being unreadable. */
  lowConfidence?: boolean;
  /** For OCR of a whole page: each word of `text` and its box in PDF user space (what redaction blacks out). */
  words?: PdfWord[];
}

/** A word OCR read on a page, with its box in the page's user space (points, origin bottom left). */
export interface PdfWord { text: string; x0: number; y0: number; x1: number; y1: number }

/** Bounds on one reading; each one that is exceeded ends in quarantine with its own reason. */
export interface ReadLimits {
  maxPages: number;
  maxTextChars: number;
  maxPageTextItems: number;
  /** Decoded size of one compressed stream, and of all streams of a document together. */
  maxStreamBytes: number;
  maxDecodedBytes: number;
  /** Pixels of one image inside a PDF (pdf.js drops larger ones; we quarantine). */
  maxImagePixels: number;
  /** Pixels of one rendered page or image given to OCR; larger pages are rendered at a lower resolution. */
  maxRenderPixels: number;
  maxAttachments: number;
  maxAttachmentDepth: number;
}

export interface OcrSettings {
  enabled: boolean;
  dpi: number;
  /** Mean word confidence (0-100) below which OCR'd text is unreadable. */
  minConfidence: number;
  /** Image regions smaller than this many square inches on pages with text are not OCR'd. */
  minImageSquareInches: number;
  workers: number;
}

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
  limits: ReadLimits;
  ocr: OcrSettings;
}

/** Why a document is quarantined. Order matters only for documentation. */
export const QUARANTINE_REASONS = [
  'zero_bytes', 'not_pdf', 'too_large', 'too_many_pages', 'encrypted', 'corrupt', 'no_text_layer', 'unreadable',
  'active_content', 'unsupported_attachment', 'too_many_attachments', 'too_many_text_items', 'too_much_text',
  'compression_bomb', 'too_many_pixels', 'memory_limit', 'time_limit', 'reader_failed',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

/** A reason to quarantine, with a detail that never contains document text. */
export interface Issue {
  reason: QuarantineReason;
  detail: string;
}

/** Counts of what was read, for the finding. */
export interface ReadStats {
  pages: number;
  textPages: number;
  ocrPages: number;
  ocrRegions: number;
  /** Mean OCR word confidence over everything OCR'd (0-100), null when nothing was. */
  ocrConfidence: number | null;
  formFields: number;
  annotations: number;
  attachments: number;
  chars: number;
  renderedPixels: number;
  ocrMs: number;
}

export interface ReadResult {
  parts: TextPart[];
  /**
   * Problems that make the document unreadable or dangerous. A "fatal" issue (limits, corrupt,
   * encrypted) stops reading; others (active content, unreadable pages) are collected while reading goes on.
   */
  issues: Issue[];
  stats: ReadStats;
}

export type ReadResponse =
  | { id: number; ok: true; result: ReadResult }
  | { id: number; ok: false; error: string };
