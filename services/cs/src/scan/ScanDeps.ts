import type { Logger, ObjectStore } from '@sfc/shared';
import type { PiiDetector } from '../detect/PiiDetector.js';

/** Buckets and limits the scan reads from configuration. */
export interface ScanSettings {
  uploadsBucket: string;
  piiBucket: string;
  cleanBucket: string;
  quarantineBucket: string;
  lakeBucket: string;
  maxPdfBytes: number;
  maxPdfPages: number;
  piiTypes: ReadonlySet<string>;
}

/** Everything scanning one document needs, created once per container. */
export interface ScanDeps {
  store: ObjectStore;
  detector: PiiDetector;
  modelVersion: string;
  settings: ScanSettings;
  logger: Logger;
  now?: () => Date;
}
