import type { Logger, ObjectStore } from '@sfc/shared';
import type { PiiDetector } from '../detect/PiiDetector.js';
import type { OcrSettings, ReadLimits, ReadResult } from '../reader/protocol.js';

/** Buckets and limits the scan reads from configuration. */
export interface ScanSettings {
  uploadsBucket: string;
  piiBucket: string;
  cleanBucket: string;
  quarantineBucket: string;
  lakeBucket: string;
  /** Redacted copies of pii documents (REDACT); null when redaction is off. */
  redactedBucket: string | null;
  /** Checked with a HEAD request before anything is downloaded. */
  maxPdfBytes: number;
  limits: ReadLimits;
  ocr: OcrSettings;
  piiTypes: ReadonlySet<string>;
  /** Most time for one upload; the Lambda's remaining time less timeReserveMs caps it further. */
  scanTimeLimitMs: number;
  timeReserveMs: number;
}

/** Reads a document's text in isolation (DocumentReader: a separate process with memory and time caps). */
export interface DocumentReaderPort {
  read(bytes: Uint8Array, limits: ReadLimits, ocr: OcrSettings, deadline: number): Promise<ReadResult>;
  /** Ends the reader's process, if it keeps one. */
  close?(): void;
}

/** Everything scanning one document needs, created once per container. */
export interface ScanDeps {
  store: ObjectStore;
  reader: DocumentReaderPort;
  detector: PiiDetector;
  modelVersion: string;
  settings: ScanSettings;
  logger: Logger;
  now?: () => Date;
}
