import { decodeS3Key, type S3Event } from '@sfc/shared';
import { CsError } from '../errors.js';
import { documentLogger } from './documentLogger.js';
import { scanDocument, type ScanOutcome } from './scanDocument.js';
import type { ScanDeps } from './ScanDeps.js';

export interface ScanSummary {
  scanned: number;
  byVerdict: Record<'pii' | 'clean' | 'quarantine', number>;
  alreadyProcessed: number;
  missing: number;
  superseded: number;
  skipped: number;
  outcomes: ScanOutcome[];
}

/** The part of the Lambda context the scan uses: how long the invocation may still run. */
export interface InvocationClock {
  getRemainingTimeInMillis(): number;
}

/**
 * Scans every ObjectCreated record of the uploads bucket. Unreadable documents are quarantined,
 * never thrown; an infrastructure failure on one record does not stop the others, and is rethrown
 * at the end so Lambda retries the event (the scan is idempotent). Each document's deadline is
 * SCAN_TIME_LIMIT_MS, cut to the Lambda's remaining time less TIME_RESERVE_MS (kept to route it).
 */
export async function handleS3Event(deps: ScanDeps, event: S3Event, clock?: InvocationClock): Promise<ScanSummary> {
  const summary: ScanSummary = { scanned: 0, byVerdict: { pii: 0, clean: 0, quarantine: 0 }, alreadyProcessed: 0, missing: 0, superseded: 0, skipped: 0, outcomes: [] };
  const failures: unknown[] = [];
  const { scanTimeLimitMs, timeReserveMs } = deps.settings;
  for (const record of event.Records ?? []) {
    const bucket = record.s3?.bucket?.name;
    if (!record.eventName?.startsWith('ObjectCreated') || bucket !== deps.settings.uploadsBucket) {
      summary.skipped += 1;
      continue;
    }
    const key = decodeS3Key(record.s3.object.key);
    const remaining = clock ? clock.getRemainingTimeInMillis() - timeReserveMs : Infinity;
    const deadline = Date.now() + Math.max(0, Math.min(scanTimeLimitMs, remaining));
    try {
      const { versionId, eTag } = record.s3.object;
      const outcome = await scanDocument(deps, { bucket, key, versionId: versionId ?? null, etag: eTag ?? null }, { eventTime: new Date(record.eventTime), deadline });
      summary.outcomes.push(outcome);
      if (outcome.status === 'routed') {
        summary.scanned += 1;
        summary.byVerdict[outcome.finding.verdict] += 1;
      } else if (outcome.status === 'already_processed') summary.alreadyProcessed += 1;
      else if (outcome.status === 'superseded') summary.superseded += 1;
      else summary.missing += 1;
    } catch (err) {
      documentLogger(deps.logger, key).error('scan failed', { error: err });
      failures.push(err);
    }
  }
  if (failures.length > 0) {
    // no cause attached: store errors name the object key, and Lambda prints what the handler throws
    const first = failures[0] as { name?: string } | undefined;
    throw new CsError(`${failures.length} of ${event.Records.length} documents failed (first: ${first?.name ?? 'Error'}; details logged with masked keys)`, { retriable: true });
  }
  return summary;
}
