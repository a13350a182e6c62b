import { createLogger, objectStoreFrom } from '@sfc/shared';
import type { CsConfig } from './config.js';
import { PiiDetector } from './detect/PiiDetector.js';
import { NerModel } from './ner/NerModel.js';
import { resolveModelDir } from './ner/modelDir.js';
import { patternRecognizers } from './recognizers/index.js';
import type { ScanDeps } from './scan/ScanDeps.js';

/** Loads the NER model once; the detector runs the pattern recognizers first, then the model. */
export async function createDetector(config: CsConfig): Promise<{ detector: PiiDetector; modelVersion: string }> {
  const model = await NerModel.load(resolveModelDir(config.NER_MODEL_DIR), { threads: config.NER_THREADS });
  return { detector: new PiiDetector(patternRecognizers, model), modelVersion: model.version };
}

/** Everything the scan handler needs, built from configuration. */
export async function createScanDeps(config: CsConfig): Promise<ScanDeps> {
  const [store, { detector, modelVersion }] = await Promise.all([objectStoreFrom(config), createDetector(config)]);
  return {
    store, detector, modelVersion, logger: createLogger('cs.scan', { level: config.LOG_LEVEL }),
    settings: {
      uploadsBucket: config.UPLOADS_BUCKET, piiBucket: config.PII_BUCKET, cleanBucket: config.CLEAN_BUCKET,
      quarantineBucket: config.QUARANTINE_BUCKET, lakeBucket: config.LAKE_BUCKET, maxPdfBytes: config.MAX_PDF_BYTES,
      maxPdfPages: config.MAX_PDF_PAGES, piiTypes: config.PII_ENTITY_TYPES,
    },
  };
}
