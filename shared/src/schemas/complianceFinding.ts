import { z } from 'zod';

export const VERDICTS = ['pii', 'clean', 'quarantine'] as const;

/** Where in the upload a piece of text was read. */
export const TEXT_SOURCES = ['text', 'ocr', 'form', 'annotation', 'metadata', 'object_key'] as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const EntityFindingSchema = z.object({
  type: z.string().min(1),
  /** text: the page's text layer; ocr: read from a rendered page or picture; form: field values; annotation: notes,
   * links; metadata: document properties, XMP, bookmarks, attachment names; object_key: the upload's key. */
  source: z.enum(TEXT_SOURCES),
  /** 1-based page of the (innermost) PDF; null for document-level text. */
  page: z.number().int().positive().nullable(),
  /** Attachment path ("2", "2/1") when found inside an attached file; null for the upload itself. */
  attachment: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
  recognizer: z.string().min(1),
  /** The matched text with its characters masked; never the raw value. */
  masked: z.string(),
});

/** A reason the document was quarantined (or would have been, where PII sent it to the pii bucket). */
export const ScanIssueSchema = z.object({
  reason: z.string().min(1),
  /** Plain description; never document text. */
  detail: z.string(),
});

/**
 * An object in a bucket. `key` is masked (first folder and extension kept: `loans/***.pdf`) because
 * uploaders put borrowers' names and numbers into file names; `key_sha256` (SHA-256 of the UTF-8 key)
 * is the reference: hash a known key to find its finding.
 */
export const ObjectRefSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  key_sha256: hex64,
});

export const REDACTION_STATUSES = ['published', 'not_published', 'off'] as const;

/**
 * The redacted copy of a pii document: written to the redacted bucket only when a rescan of the copy
 * (same reader and detector) finds no personal data and no text under a redaction box. `reason` says
 * why a copy was not published, in types and counts only (never document text).
 */
export const RedactionSchema = z.object({
  status: z.enum(REDACTION_STATUSES),
  reason: z.string().nullable(),
  /** The published copy (key masked as everywhere); null unless published. */
  destination: ObjectRefSchema.nullable(),
  /** Black boxes drawn over removed text. */
  boxes: z.number().int().nonnegative(),
  /** Values (one line each) found in no text-showing operator of their page. */
  unlocated: z.number().int().nonnegative(),
  /** Parts left out of the copy whole (annotations, form, metadata, attachments, javascript, actions, outlines, structure). */
  removed: z.array(z.string()),
  /** Entities of the PII types the rescan of the copy found (0 for a published copy). */
  rescan_entities: z.number().int().nonnegative(),
  /** Time to redact and rescan. */
  ms: z.number().nonnegative(),
});

/** The record written beside every routed document: what was found where, and how long it took. */
export const ComplianceFindingSchema = z.object({
  /** One finding per upload: SHA-256 of bucket, key and version (or ETag). Repeated events find it again. */
  scan_ref: hex64,
  source: ObjectRefSchema.extend({ version_id: z.string().nullable(), etag: z.string().nullable() }),
  destination: ObjectRefSchema.nullable(),
  /** SHA-256 of the content; null when the document was not downloaded (over MAX_PDF_BYTES). */
  sha256: hex64.nullable(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  verdict: z.enum(VERDICTS),
  /** Code of the quarantine reason (e.g. `active_content`, `unreadable`); null unless quarantined. */
  quarantine_reason: z.string().nullable(),
  quarantine_detail: z.string().nullable(),
  /** Every problem found while reading, including those of a document that went to pii. */
  issues: z.array(ScanIssueSchema),
  read: z.object({
    text_pages: z.number().int().nonnegative(),
    ocr_pages: z.number().int().nonnegative(),
    ocr_regions: z.number().int().nonnegative(),
    /** Mean OCR word confidence (0-100) over everything OCR'd; null when nothing was. */
    ocr_confidence: z.number().min(0).max(100).nullable(),
    form_fields: z.number().int().nonnegative(),
    annotations: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
    chars: z.number().int().nonnegative(),
  }),
  entities: z.array(EntityFindingSchema),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  model_version: z.string(),
  timings_ms: z.object({
    download: z.number().nonnegative(),
    extract: z.number().nonnegative(),
    ocr: z.number().nonnegative(),
    detect: z.number().nonnegative(),
    route: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
  /** Redacted copy of a pii document; null for clean and quarantined ones (and findings written before redaction existed). */
  redaction: RedactionSchema.nullable().default(null),
  scanned_at: z.iso.datetime(),
});

export type Verdict = (typeof VERDICTS)[number];
export type TextSource = (typeof TEXT_SOURCES)[number];
export type EntityFinding = z.infer<typeof EntityFindingSchema>;
export type ScanIssue = z.infer<typeof ScanIssueSchema>;
export type ComplianceFinding = z.infer<typeof ComplianceFindingSchema>;
export type Redaction = z.infer<typeof RedactionSchema>;
