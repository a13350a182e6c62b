import { maskObjectKey, sha256Hex, type S3Event } from '@sfc/shared';
import { CsError } from '../errors.js';
import { documentLogger } from './documentLogger.js';
import { scanDocument, type ScanOutcome } from './scanDocument.js';
import type { ScanDeps } from './ScanDeps.js';
import { parseEventRecord } from './eventRecord.js';

export interface ScanSummary {
  scanned: number;
  byVerdict: Record<'pii' | 'clean' | 'quarantine', number>;
  alreadyProcessed: number;
  missing: number;
  superseded: number;
  skipped: number;
  /** Records that name no object (a key that cannot be decoded, a missing key): logged with the reason, not scanned. */
  malformed: number;
  /** Records scanned although a field was unusable (eventTime: the finding is filed under the scan time). */
  repaired: number;
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
  const summary: ScanSummary = { scanned: 0, byVerdict: { pii: 0, clean: 0, quarantine: 0 }, alreadyProcessed: 0, missing: 0, superseded: 0, skipped: 0, malformed: 0, repaired: 0, outcomes: [] };
  const failures: unknown[] = [];
  const { scanTimeLimitMs, timeReserveMs } = deps.settings;
  const records: unknown[] = Array.isArray(event?.Records) ? event.Records : [];
  for (const [index, record] of records.entries()) {
    const parsed = parseEventRecord(record, deps.settings.uploadsBucket);
    if (parsed.kind === 'skip') {
      summary.skipped += 1;
      continue;
    }
    if (parsed.kind === 'malformed') {
      // The key as sent is masked like any key (it carries names); its hash finds the raw record.
      summary.malformed += 1;
      deps.logger.error('S3 event record malformed: not scanned', {
        reason: parsed.reason, record: index, key: maskObjectKey(parsed.rawKey ?? ''), raw_key_sha256: parsed.rawKey === null ? null : sha256Hex(parsed.rawKey),
      });
      continue;
    }
    const { upload, eventTime } = parsed;
    const log = documentLogger(deps.logger, upload.key);
    if (parsed.eventTimeProblem) {
      summary.repaired += 1;
      log.warn('S3 event record malformed: scanned, its finding filed under the scan time', { reason: parsed.eventTimeProblem, record: index });
    }
    const remaining = clock ? clock.getRemainingTimeInMillis() - timeReserveMs : Infinity;
    const deadline = Date.now() + Math.max(0, Math.min(scanTimeLimitMs, remaining));
    try {
      const outcome = await scanDocument(deps, upload, { ...(eventTime ? { eventTime } : {}), deadline });
      summary.outcomes.push(outcome);
      if (outcome.status === 'routed') {
        summary.scanned += 1;
        summary.byVerdict[outcome.finding.verdict] += 1;
      } else if (outcome.status === 'already_processed') summary.alreadyProcessed += 1;
      else if (outcome.status === 'superseded') summary.superseded += 1;
      else summary.missing += 1;
    } catch (err) {
      log.error('scan failed', { error: err });
      failures.push(err);
    }
  }
  if (failures.length > 0) {
    // no cause attached: store errors name the object key, and Lambda prints what the handler throws
    const first = failures[0] as { name?: string } | undefined;
    throw new CsError(`${failures.length} of ${records.length} documents failed (first: ${first?.name ?? 'Error'}; details logged with masked keys)`, { retriable: true });
  }
  return summary;
}
