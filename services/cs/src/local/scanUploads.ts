import { s3PutEvent } from '@sfc/shared';
import { loadCsConfig } from '../config.js';
import { createScanDeps } from '../deps.js';
import { handleS3Event, type ScanSummary } from '../scan/handleS3Event.js';
import { matchesUploadRules } from '../scan/uploadRules.js';
import { seedSampleUploads } from './sampleDocuments.js';

export interface ScanUploadsOptions {
  dataDir: string;
  /** Write the sample loan documents first when the uploads bucket is empty (default true). */
  seedSamples?: boolean;
  env?: NodeJS.ProcessEnv;
}

export type ScanUploadsResult = Omit<ScanSummary, 'outcomes'> & {
  seeded: number;
  findings: string[];
  /** Redacted copies of the pii documents: written to REDACTED_BUCKET, or not (the finding says why). */
  redacted: { published: number; notPublished: number };
};

/**
 * Scans every document in the local uploads bucket through the Lambda's own code path: one S3
 * ObjectCreated event per object (the same prefix/suffix rules as the deployed trigger).
 */
export async function scanUploads(options: ScanUploadsOptions): Promise<ScanUploadsResult> {
  const config = loadCsConfig({ ...(options.env ?? process.env), OBJECT_STORE: 'fs', DATA_DIR: options.dataDir });
  const deps = await createScanDeps(config);
  const seeded = options.seedSamples === false ? [] : await seedSampleUploads(deps.store, config.UPLOADS_BUCKET, [config.PII_BUCKET, config.CLEAN_BUCKET, config.QUARANTINE_BUCKET]);
  const result: ScanUploadsResult = { scanned: 0, byVerdict: { pii: 0, clean: 0, quarantine: 0 }, alreadyProcessed: 0, missing: 0, superseded: 0, skipped: 0, malformed: 0, repaired: 0, seeded: seeded.length, findings: [], redacted: { published: 0, notPublished: 0 } };
  for (const key of (await deps.store.list(config.UPLOADS_BUCKET)).filter(matchesUploadRules)) {
    const head = await deps.store.head(config.UPLOADS_BUCKET, key);
    const summary = await handleS3Event(deps, s3PutEvent(config.UPLOADS_BUCKET, key, head?.size ?? 0));
    result.scanned += summary.scanned;
    result.alreadyProcessed += summary.alreadyProcessed;
    result.missing += summary.missing;
    result.superseded += summary.superseded;
    result.malformed += summary.malformed;
    result.repaired += summary.repaired;
    for (const v of ['pii', 'clean', 'quarantine'] as const) result.byVerdict[v] += summary.byVerdict[v];
    for (const o of summary.outcomes) {
      if (o.status !== 'routed') continue;
      result.findings.push(`${o.finding.destination?.bucket}/${o.finding.destination?.key}.finding.json`);
      if (o.finding.redaction?.status === 'published') result.redacted.published += 1;
      if (o.finding.redaction?.status === 'not_published') result.redacted.notPublished += 1;
    }
  }
  deps.reader.close?.();
  return result;
}
