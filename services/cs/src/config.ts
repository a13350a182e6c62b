import { commonConfig, loadConfig, positiveInt, type ConfigOf } from '@sfc/shared';
import { z } from 'zod';
import { DEFAULT_PII_TYPES } from './detect/piiPolicy.js';

const bucket = z.string().min(3).max(63);

/** Environment of the compliance service (plus the common adapter variables). */
export const csConfigSpec = {
  ...commonConfig,
  UPLOADS_BUCKET: { schema: bucket, default: 'uploads', doc: 'Bucket the loan documents are uploaded to (the S3 trigger).' },
  PII_BUCKET: { schema: bucket, default: 'pii', doc: 'Where documents with personal data are moved.' },
  CLEAN_BUCKET: { schema: bucket, default: 'clean', doc: 'Where documents without personal data are moved.' },
  QUARANTINE_BUCKET: { schema: bucket, default: 'quarantine', doc: 'Where unreadable documents are moved, with the reason.' },
  LAKE_BUCKET: { schema: bucket, default: 'lake', doc: 'Data lake; a copy of each finding goes under compliance/.' },
  MAX_PDF_BYTES: { schema: positiveInt, default: String(25 * 1024 * 1024), doc: 'Larger documents are quarantined (too_large).' },
  MAX_PDF_PAGES: { schema: positiveInt, default: '200', doc: 'Documents with more pages are quarantined (too_many_pages).' },
  PII_ENTITY_TYPES: {
    schema: z.string().transform((s) => new Set(s.split(',').map((t) => t.trim()).filter(Boolean))).refine((s) => s.size > 0, 'at least one type'),
    default: DEFAULT_PII_TYPES.join(','),
    doc: 'Comma-separated entity types that make a document "PII" (ORGANIZATION, LOCATION, POSTAL_CODE and SWIFT_BIC alone do not, by default).',
  },
  NER_MODEL_DIR: { schema: z.string(), default: '', doc: 'Folder of the NER model (model.int8.onnx, tokenizer.json, labels.json); empty = services/cs/model.' },
  NER_THREADS: { schema: positiveInt, default: '1', doc: 'onnxruntime intra-op threads for the NER session.' },
};

export type CsConfig = ConfigOf<typeof csConfigSpec>;

/** Reads and validates the cs environment; a bad value throws naming the variable. */
export const loadCsConfig = (env: NodeJS.ProcessEnv = process.env): CsConfig => loadConfig(csConfigSpec, env);
