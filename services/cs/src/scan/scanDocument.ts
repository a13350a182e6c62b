import { ComplianceFindingSchema, sha256Hex, type ComplianceFinding } from '@sfc/shared';
import type { PageEntity } from '../detect/PiiDetector.js';
import { maskValue } from '../detect/maskValue.js';
import { containsPii, countByType } from '../detect/piiPolicy.js';
import { UnreadableDocumentError } from '../errors.js';
import { extractPdfText } from '../pdf/extractText.js';
import { findingKey, lakeFindingKey } from '../routing/keys.js';
import { copyVerified } from '../routing/moveVerified.js';
import { findExistingFinding } from './findExistingFinding.js';
import type { ScanDeps } from './ScanDeps.js';

export type ScanOutcome =
  | { status: 'routed'; finding: ComplianceFinding }
  | { status: 'already_processed'; finding: ComplianceFinding }
  | { status: 'missing'; bucket: string; key: string };

/**
 * Scans one uploaded document and moves it to the PII, clean or quarantine bucket with its finding.
 * Idempotent: a repeated event for a document already moved returns the finding written the first
 * time; a repeat after a crash mid-move rewrites the same keys (no duplicates).
 */
export async function scanDocument(deps: ScanDeps, source: { bucket: string; key: string }, eventTime?: Date): Promise<ScanOutcome> {
  const { store, settings, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const t0 = performance.now();
  const bytes = await store.get(source.bucket, source.key);
  if (!bytes) {
    const existing = await findExistingFinding(store, settings, source.key);
    if (existing) return { status: 'already_processed', finding: existing };
    logger.warn('object not found and never processed', { bucket: source.bucket, key: source.key });
    return { status: 'missing', ...source };
  }
  const tDownload = performance.now();
  const sha256 = sha256Hex(bytes);

  let pages: string[] = [];
  let entities: PageEntity[] = [];
  let reason: string | null = null;
  let tExtract = tDownload;
  try {
    const pdf = await extractPdfText(bytes, { maxBytes: settings.maxPdfBytes, maxPages: settings.maxPdfPages });
    pages = pdf.pages;
    tExtract = performance.now();
    entities = await deps.detector.detectPages(pages);
    // never "clean" for text we could not see: pages that are pictures, or no text at all
    if (!containsPii(entities, settings.piiTypes)) {
      if (pdf.imageOnlyPages.length > 0) reason = `no_text_layer: image-only pages ${pdf.imageOnlyPages.join(',')}`;
      else if (pages.every((p) => p.trim() === '')) reason = 'no_text_layer: no text on any page';
    }
  } catch (err) {
    if (!(err instanceof UnreadableDocumentError)) throw err;
    reason = `${err.reason}: ${err.message.replace(/^unreadable document \([a-z_]+\): /, '')}`;
    tExtract = performance.now();
  }
  const tDetect = performance.now();

  const verdict = reason ? 'quarantine' : containsPii(entities, settings.piiTypes) ? 'pii' : 'clean';
  const bucket = { pii: settings.piiBucket, clean: settings.cleanBucket, quarantine: settings.quarantineBucket }[verdict];
  const destination = { bucket, key: source.key };
  await copyVerified(store, { from: source, to: destination, body: bytes, sha256 });
  const scannedAt = now();
  const finding = ComplianceFindingSchema.parse({
    source, destination, sha256, bytes: bytes.byteLength, pages: pages.length, verdict, quarantine_reason: reason,
    entities: entities.map((e) => ({
      type: e.type, page: e.page, start: e.start, end: e.end, score: e.score, recognizer: e.recognizer,
      masked: maskValue(pages[e.page - 1]!.slice(e.start, e.end), e.type),
    })),
    counts: countByType(entities), model_version: deps.modelVersion,
    timings_ms: { download: ms(tDownload - t0), extract: ms(tExtract - tDownload), detect: ms(tDetect - tExtract), route: 0, total: 0 },
    scanned_at: scannedAt.toISOString(),
  } satisfies ComplianceFinding);
  finding.timings_ms.route = ms(performance.now() - tDetect);
  finding.timings_ms.total = ms(performance.now() - t0);
  const json = JSON.stringify(finding);
  await store.put(bucket, findingKey(source.key), json, { contentType: 'application/json' });
  await store.put(settings.lakeBucket, lakeFindingKey(sha256, eventTime ?? scannedAt), `${json}\n`, { contentType: 'application/json' });
  await store.delete(source.bucket, source.key);
  logger.info('document routed', { key: source.key, verdict, pages: pages.length, counts: finding.counts, reason, ms: finding.timings_ms.total });
  return { status: 'routed', finding };
}

const ms = (x: number): number => Math.round(x * 10) / 10;
