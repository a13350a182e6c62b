import { createLogger, FsObjectStore, type ObjectStore } from '@sfc/shared';
import type { CsConfig } from './config.js';
import { PiiDetector } from './detect/PiiDetector.js';
import { NerModel } from './ner/NerModel.js';
import { resolveModelDir } from './ner/modelDir.js';
import { patternRecognizers } from './recognizers/index.js';
import type { ScanDeps } from './scan/ScanDeps.js';

type ObjectStoreCtor = new (options: { endpoint?: string; region?: string }) => ObjectStore;

/** The object store named by OBJECT_STORE; the S3 adapter is imported only when chosen. */
export async function createObjectStore(config: CsConfig): Promise<ObjectStore> {
  if (config.OBJECT_STORE === 'fs') return new FsObjectStore(config.DATA_DIR);
  // A literal specifier so the image bundle includes the adapter; ts-ignore (not expect-error) keeps
  // type-checking clean both before and after the adapter lands in shared/.
  // @ts-ignore -- the module may not exist yet in this branch; the cast below types it either way
  const mod = (await import('@sfc/shared/adapters/S3ObjectStore.js')) as { S3ObjectStore?: ObjectStoreCtor };
  if (!mod.S3ObjectStore) throw new Error('@sfc/shared/adapters/S3ObjectStore.js does not export S3ObjectStore');
  const endpoint = config.S3_ENDPOINT || config.AWS_ENDPOINT_URL || undefined;
  return new mod.S3ObjectStore({ endpoint, region: process.env.AWS_REGION });
}

/** Loads the NER model once; the detector runs the pattern recognizers first, then the model. */
export async function createDetector(config: CsConfig): Promise<{ detector: PiiDetector; modelVersion: string }> {
  const model = await NerModel.load(resolveModelDir(config.NER_MODEL_DIR), { threads: config.NER_THREADS });
  return { detector: new PiiDetector(patternRecognizers, model), modelVersion: model.version };
}

/** Everything the scan handler needs, built from configuration. */
export async function createScanDeps(config: CsConfig): Promise<ScanDeps> {
  const [store, { detector, modelVersion }] = await Promise.all([createObjectStore(config), createDetector(config)]);
  return {
    store, detector, modelVersion, logger: createLogger('cs.scan', { level: config.LOG_LEVEL }),
    settings: {
      uploadsBucket: config.UPLOADS_BUCKET, piiBucket: config.PII_BUCKET, cleanBucket: config.CLEAN_BUCKET,
      quarantineBucket: config.QUARANTINE_BUCKET, lakeBucket: config.LAKE_BUCKET, maxPdfBytes: config.MAX_PDF_BYTES,
      maxPdfPages: config.MAX_PDF_PAGES, piiTypes: config.PII_ENTITY_TYPES,
    },
  };
}
