import { decodeS3Key, type S3Event } from '@sfc/shared';
import { CsError } from '../errors.js';
import { scanDocument, type ScanOutcome } from './scanDocument.js';
import type { ScanDeps } from './ScanDeps.js';

export interface ScanSummary {
  scanned: number;
  byVerdict: Record<'pii' | 'clean' | 'quarantine', number>;
  alreadyProcessed: number;
  missing: number;
  skipped: number;
  outcomes: ScanOutcome[];
}

/**
 * Scans every ObjectCreated record of the uploads bucket. Unreadable documents are quarantined,
 * never thrown; an infrastructure failure on one record does not stop the others, and is rethrown
 * at the end so Lambda retries the event (the scan is idempotent).
 */
export async function handleS3Event(deps: ScanDeps, event: S3Event): Promise<ScanSummary> {
  const summary: ScanSummary = { scanned: 0, byVerdict: { pii: 0, clean: 0, quarantine: 0 }, alreadyProcessed: 0, missing: 0, skipped: 0, outcomes: [] };
  const failures: unknown[] = [];
  for (const record of event.Records ?? []) {
    const bucket = record.s3?.bucket?.name;
    if (!record.eventName?.startsWith('ObjectCreated') || bucket !== deps.settings.uploadsBucket) {
      summary.skipped += 1;
      continue;
    }
    const key = decodeS3Key(record.s3.object.key);
    try {
      const outcome = await scanDocument(deps, { bucket, key }, new Date(record.eventTime));
      summary.outcomes.push(outcome);
      if (outcome.status === 'routed') {
        summary.scanned += 1;
        summary.byVerdict[outcome.finding.verdict] += 1;
      } else if (outcome.status === 'already_processed') summary.alreadyProcessed += 1;
      else summary.missing += 1;
    } catch (err) {
      deps.logger.error('scan failed', { key, error: err });
      failures.push(err);
    }
  }
  if (failures.length > 0) {
    throw new CsError(`${failures.length} of ${event.Records.length} documents failed`, { cause: failures[0], retriable: true });
  }
  return summary;
}
