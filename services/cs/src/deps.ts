import { createLogger, objectStoreFrom } from '@sfc/shared';
import { ocrWorkers, type CsConfig } from './config.js';
import { PiiDetector } from './detect/PiiDetector.js';
import { NerModel } from './ner/NerModel.js';
import { resolveModelDir } from './ner/modelDir.js';
import { DocumentReader } from './reader/DocumentReader.js';
import { patternRecognizers } from './recognizers/index.js';
import type { ScanDeps, ScanSettings } from './scan/ScanDeps.js';

/** Loads the NER model once; the detector runs the pattern recognizers first, then the model. */
export async function createDetector(config: CsConfig): Promise<{ detector: PiiDetector; modelVersion: string }> {
  const model = await NerModel.load(resolveModelDir(config.NER_MODEL_DIR), { threads: config.NER_THREADS });
  return { detector: new PiiDetector(patternRecognizers, model, config.PII_MIN_SCORES), modelVersion: model.version };
}

/** Buckets, reading limits, OCR and time settings of the scan, from configuration. */
export function scanSettings(config: CsConfig): ScanSettings {
  return {
    uploadsBucket: config.UPLOADS_BUCKET, piiBucket: config.PII_BUCKET, cleanBucket: config.CLEAN_BUCKET,
    quarantineBucket: config.QUARANTINE_BUCKET, lakeBucket: config.LAKE_BUCKET,
    redactedBucket: config.REDACT ? config.REDACTED_BUCKET : null, maxPdfBytes: config.MAX_PDF_BYTES,
    limits: {
      maxPages: config.MAX_PDF_PAGES, maxTextChars: config.MAX_TEXT_CHARS, maxPageTextItems: config.MAX_PAGE_TEXT_ITEMS,
      maxStreamBytes: config.MAX_STREAM_BYTES, maxDecodedBytes: config.MAX_DECODED_BYTES, maxImagePixels: config.MAX_IMAGE_PIXELS,
      maxRenderPixels: config.MAX_RENDER_PIXELS, maxAttachments: config.MAX_ATTACHMENTS, maxAttachmentDepth: config.MAX_ATTACHMENT_DEPTH,
    },
    ocr: {
      enabled: config.OCR_ENABLED, dpi: config.OCR_DPI, minConfidence: config.OCR_MIN_CONFIDENCE,
      minImageSquareInches: config.OCR_MIN_IMAGE_SQIN, workers: ocrWorkers(config.OCR_WORKERS),
    },
    piiTypes: config.PII_ENTITY_TYPES, scanTimeLimitMs: config.SCAN_TIME_LIMIT_MS, timeReserveMs: config.TIME_RESERVE_MS,
  };
}

/** Everything the scan handler needs, built from configuration. */
export async function createScanDeps(config: CsConfig): Promise<ScanDeps> {
  const [store, { detector, modelVersion }] = await Promise.all([objectStoreFrom(config), createDetector(config)]);
  return {
    store, detector, modelVersion, logger: createLogger('cs.scan', { level: config.LOG_LEVEL }),
    reader: new DocumentReader({ memoryMb: config.READER_MEMORY_MB }),
    settings: scanSettings(config),
  };
}
