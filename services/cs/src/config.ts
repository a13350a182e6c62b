import { availableParallelism } from 'node:os';
import { commonConfig, loadConfig, positiveInt, type ConfigOf } from '@sfc/shared';
import { z } from 'zod';
import { DEFAULT_MIN_SCORES, formatMinScores, parseMinScores } from './detect/minScores.js';
import { DEFAULT_PII_TYPES } from './detect/piiPolicy.js';

const bucket = z.string().min(3).max(63);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const nonNegativeInt = z.coerce.number().int().nonnegative();

/** Environment of the compliance service (plus the common adapter variables). */
export const csConfigSpec = {
  ...commonConfig,
  UPLOADS_BUCKET: { schema: bucket, default: 'uploads', doc: 'Bucket the loan documents are uploaded to (the S3 trigger).' },
  PII_BUCKET: { schema: bucket, default: 'pii', doc: 'Where documents with personal data are moved.' },
  CLEAN_BUCKET: { schema: bucket, default: 'clean', doc: 'Where documents without personal data are moved.' },
  QUARANTINE_BUCKET: { schema: bucket, default: 'quarantine', doc: 'Where unreadable documents are moved, with the reason.' },
  REDACTED_BUCKET: { schema: bucket, default: 'redacted', doc: 'Where the redacted copies of pii documents go, once a rescan of the copy finds no personal data.' },
  LAKE_BUCKET: { schema: bucket, default: 'lake', doc: 'Data lake; a copy of each finding goes under compliance/.' },
  MAX_PDF_BYTES: { schema: positiveInt, default: String(25 * 1024 * 1024), doc: 'Larger uploads are quarantined (too_large) after a HEAD request, without being downloaded.' },
  MAX_PDF_PAGES: { schema: positiveInt, default: '200', doc: 'Documents (and attached PDFs) with more pages are quarantined (too_many_pages).' },
  MAX_TEXT_CHARS: { schema: positiveInt, default: '1000000', doc: 'Most characters of text read from one upload, attachments included (too_much_text).' },
  MAX_PAGE_TEXT_ITEMS: { schema: positiveInt, default: '20000', doc: 'Most text items (runs of glyphs) on one page (too_many_text_items).' },
  MAX_STREAM_BYTES: { schema: positiveInt, default: String(128 * 1024 * 1024), doc: 'Most bytes one compressed PDF stream may inflate to (compression_bomb).' },
  MAX_DECODED_BYTES: { schema: positiveInt, default: String(1024 * 1024 * 1024), doc: 'Most bytes all compressed streams of a PDF may inflate to together (compression_bomb).' },
  MAX_IMAGE_PIXELS: { schema: positiveInt, default: '60000000', doc: 'Most pixels of one image inside a PDF or of an attached picture (too_many_pixels).' },
  MAX_RENDER_PIXELS: { schema: positiveInt, default: '12000000', doc: 'Most pixels of a page rendered for OCR; larger pages are rendered at a lower resolution.' },
  MAX_ATTACHMENTS: { schema: nonNegativeInt, default: '20', doc: 'Most attached files read from one upload, nested ones included (too_many_attachments).' },
  MAX_ATTACHMENT_DEPTH: { schema: positiveInt, default: '3', doc: 'Deepest nesting of attached PDFs (too_many_attachments).' },
  OCR_ENABLED: { schema: flag, default: 'true', doc: 'OCR pages that are pictures, pictures on pages, and garbage text layers (tesseract.js); `false` quarantines them (no_text_layer / unreadable).' },
  OCR_DPI: { schema: z.coerce.number().int().min(72).max(600), default: '200', doc: 'Resolution pages are rendered at for OCR (200 read 8-11 pt scans as well as 300 here, with fewer pixels).' },
  OCR_MIN_CONFIDENCE: { schema: z.coerce.number().min(0).max(100), default: '60', doc: 'Mean OCR word confidence (0-100) below which a page or picture is unreadable.' },
  OCR_MIN_IMAGE_SQIN: { schema: z.coerce.number().nonnegative(), default: '1', doc: 'Pictures smaller than this many square inches on pages with text are not OCR\'d (logos, signatures).' },
  OCR_WORKERS: { schema: nonNegativeInt, default: '0', doc: 'tesseract workers (threads) of the reader; 0 = one per CPU, at most 4.' },
  READER_MEMORY_MB: { schema: positiveInt, default: '1024', doc: 'Most memory of the reader process (pdf.js, rendering, OCR) before it is stopped (memory_limit).' },
  SCAN_TIME_LIMIT_MS: { schema: positiveInt, default: '100000', doc: 'Most time one upload may take to read and detect (time_limit); also capped by the Lambda\'s remaining time.' },
  TIME_RESERVE_MS: { schema: nonNegativeInt, default: '10000', doc: 'Time kept back from the Lambda\'s remaining time to route the document after a time limit.' },
  PII_ENTITY_TYPES: {
    schema: z.string().transform((s) => new Set(s.split(',').map((t) => t.trim()).filter(Boolean))).refine((s) => s.size > 0, 'at least one type'),
    default: DEFAULT_PII_TYPES.join(','),
    doc: 'Comma-separated entity types that make a document "PII" (ORGANIZATION, LOCATION, POSTAL_CODE and SWIFT_BIC alone do not, by default).',
  },
  PII_MIN_SCORES: {
    schema: z.string().transform((s, ctx) => {
      try {
        return parseMinScores(s);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
    default: formatMinScores(DEFAULT_MIN_SCORES),
    doc: 'Per-entity score thresholds, `TYPE=score` comma-separated (e.g. `PERSON=0.6,PHONE=0.5`); types not listed use 0.5. Defaults chosen on the development split.',
  },
  REDACT: { schema: flag, default: 'true', doc: 'Write a redacted copy of each pii document to REDACTED_BUCKET (see "Redacted copies" in the cs README); `false` writes none.' },
  NER_MODEL_DIR: { schema: z.string(), default: '', doc: 'Folder of the NER model (model.int8.onnx, tokenizer.json, labels.json); empty = services/cs/model.' },
  NER_THREADS: { schema: positiveInt, default: '1', doc: 'onnxruntime intra-op threads for the NER session.' },
};

export type CsConfig = ConfigOf<typeof csConfigSpec>;

/** Reads and validates the cs environment; a bad value throws naming the variable. */
export const loadCsConfig = (env: NodeJS.ProcessEnv = process.env): CsConfig => loadConfig(csConfigSpec, env);

/** OCR_WORKERS, with 0 resolved to the CPUs this process may use (Lambda: about one per 1,769 MB), at most 4. */
export const ocrWorkers = (configured: number): number => (configured > 0 ? configured : Math.max(1, Math.min(4, availableParallelism())));
