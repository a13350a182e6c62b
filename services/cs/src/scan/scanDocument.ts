import { ComplianceFindingSchema, sha256Hex, type ComplianceFinding, type TextSource } from '@sfc/shared';
import { containsPii, countByType } from '../detect/piiPolicy.js';
import type { RecognizerResult } from '../recognizers/Recognizer.js';
import type { Issue, PdfWord, ReadResult } from '../reader/protocol.js';
import { findingKey, lakeFindingKey } from '../routing/keys.js';
import { copyServerSide, copyVerified } from '../routing/moveVerified.js';
import { documentLogger } from './documentLogger.js';
import { findExistingFinding } from './findExistingFinding.js';
import { maskValue } from '../detect/maskValue.js';
import { keySha256, keyText, maskedKey, referenceKey, scanRef } from './objectKeys.js';
import type { ScanDeps } from './ScanDeps.js';
import { decideVerdict } from './verdict.js';
import { CsError } from '../errors.js';
import { redactCopy } from '../redact/redactCopy.js';

/** One upload as its S3 event names it: the version (versioned bucket) or ETag is what gets scanned. */
export interface UploadRef {
  bucket: string;
  key: string;
  versionId?: string | null;
  etag?: string | null;
}

export type ScanOutcome =
  | { status: 'routed'; finding: ComplianceFinding }
  | { status: 'already_processed'; finding: ComplianceFinding }
  | { status: 'missing'; bucket: string; key: string }
  /** The key was uploaded again before this (unversioned) upload was scanned; the new upload's own event scans it. */
  | { status: 'superseded'; bucket: string; key: string };

interface Text { source: TextSource; page: number | null; attachment: string | null; text: string; lowConfidence?: boolean; words?: PdfWord[] }
type Found = RecognizerResult & { at: Text };

const EMPTY_READ: ReadResult['stats'] = { pages: 0, textPages: 0, ocrPages: 0, ocrRegions: 0, ocrConfidence: null, formFields: 0, annotations: 0, attachments: 0, chars: 0, renderedPixels: 0, ocrMs: 0 };

/**
 * Scans one uploaded document and moves it to the pii, clean or quarantine bucket with its finding.
 * The version in the event is what is read, copied and deleted, so a re-upload of the same key
 * during the scan survives and is scanned by its own event. Idempotent per upload (scan_ref): a
 * repeated event returns the finding written the first time; a repeat after a crash mid-move
 * rewrites the same keys. `deadline` (epoch ms) bounds reading and detection.
 */
export async function scanDocument(deps: ScanDeps, source: UploadRef, options: { eventTime?: Date; deadline?: number } = {}): Promise<ScanOutcome> {
  const { store, settings } = deps;
  const log = documentLogger(deps.logger, source.key);
  const now = deps.now ?? (() => new Date());
  const deadline = options.deadline ?? Date.now() + settings.scanTimeLimitMs;
  const versionId = source.versionId ?? null;
  const t0 = performance.now();
  // Everything routing needs is checked before the first copy, so a document never ends in two buckets.
  if (options.eventTime && Number.isNaN(options.eventTime.getTime())) throw new CsError('eventTime: not a valid time (nothing was copied)');

  const stat = await store.stat(source.bucket, source.key, { versionId });
  const ref = scanRef(source.bucket, source.key, versionId, versionId ? null : source.etag ?? stat?.etag ?? null);
  const gone = async (): Promise<ScanOutcome> => {
    const existing = await findExistingFinding(store, settings, source.key, versionId || source.etag ? ref : null);
    if (existing) return { status: 'already_processed', finding: existing };
    log.warn('upload not found and never scanned', { version_id: versionId });
    return { status: 'missing', bucket: source.bucket, key: source.key };
  };
  if (!stat) return gone();
  if (!versionId && source.etag && stat.etag && stat.etag !== source.etag) {
    const existing = await findExistingFinding(store, settings, source.key, ref);
    if (existing) return { status: 'already_processed', finding: existing };
    log.info('upload replaced before it was scanned; the newer upload is scanned by its own event');
    return { status: 'superseded', bucket: source.bucket, key: source.key };
  }

  // read: size from the HEAD first, so an oversized upload is never downloaded
  let bytes: Uint8Array | null = null;
  let tDownload = performance.now();
  let read: ReadResult = { parts: [], issues: [], stats: { ...EMPTY_READ } };
  const issues: Issue[] = [];
  if (stat.size === 0) issues.push({ reason: 'zero_bytes', detail: 'the object is empty' });
  else if (stat.size > settings.maxPdfBytes) issues.push({ reason: 'too_large', detail: `${stat.size} bytes > ${settings.maxPdfBytes} (not downloaded)` });
  else {
    bytes = await store.get(source.bucket, source.key, { versionId });
    if (!bytes) return gone();
    tDownload = performance.now();
    if (bytes.byteLength > settings.maxPdfBytes) issues.push({ reason: 'too_large', detail: `${bytes.byteLength} bytes > ${settings.maxPdfBytes}` });
    else read = await deps.reader.read(bytes, settings.limits, settings.ocr, deadline);
    issues.push(...read.issues);
  }
  const sha256 = bytes ? sha256Hex(bytes) : null;
  const tRead = performance.now();

  // detect, part by part, within the deadline; the key itself is read too
  const texts: Text[] = [{ source: 'object_key', page: null, attachment: null, text: keyText(source.key) },
    ...read.parts.map((p) => ({ source: p.kind, page: p.page, attachment: p.attachment, text: p.text, lowConfidence: p.lowConfidence, words: p.words }))];
  const found: Found[] = [];
  for (const at of texts) {
    if (Date.now() > deadline) {
      issues.push({ reason: 'time_limit', detail: `detection ran out of time after ${found.length} entities` });
      break;
    }
    for (const r of await deps.detector.detectText(at.text)) found.push({ ...r, at });
  }
  const tDetect = performance.now();
  // what OCR read with too little confidence is listed, but cannot turn an unreadable page into "pii"
  const hasPii = containsPii(found.filter((f) => !f.at.lowConfidence), settings.piiTypes);
  const readSomething = read.parts.some((p) => p.kind !== 'metadata' && p.text.trim() !== '');
  if (bytes && issues.length === 0 && !readSomething) issues.push({ reason: 'no_text_layer', detail: 'no text on any page' });
  const { verdict, reason, detail } = decideVerdict(issues, hasPii);

  // route: the key itself stays in the pii bucket only
  const keyHasPii = containsPii(found.filter((f) => f.at.source === 'object_key'), settings.piiTypes);
  const bucket = { pii: settings.piiBucket, clean: settings.cleanBucket, quarantine: settings.quarantineBucket }[verdict];
  const destination = { bucket, key: verdict !== 'pii' && keyHasPii ? referenceKey(source.key) : source.key };
  const from = { bucket: source.bucket, key: source.key, versionId };
  if (bytes && sha256) await copyVerified(store, { from, to: destination, body: bytes, sha256 });
  else await copyServerSide(store, { from, to: destination, size: stat.size, etag: stat.etag });

  // a pii document also gets a redacted copy, verified by a rescan; its key never carries personal data
  const tRedact = performance.now();
  const redaction = verdict === 'pii' && bytes
    ? await redactCopy(deps, bytes, found.map((e) => ({ type: e.type, source: e.at.source, page: e.at.page, attachment: e.at.attachment, value: e.at.text.slice(e.start, e.end), words: e.at.words })),
      issues, keyHasPii ? referenceKey(source.key) : source.key, deadline)
    : null;
  const redactMs = performance.now() - tRedact;

  const scannedAt = now();
  const ms = (x: number) => Math.round(x * 10) / 10;
  const finding: ComplianceFinding = ComplianceFindingSchema.parse({
    scan_ref: ref,
    source: { bucket: source.bucket, key: maskedKey(source.key), key_sha256: keySha256(source.key), version_id: versionId, etag: source.etag ?? stat.etag },
    destination: { bucket, key: maskedKey(destination.key), key_sha256: keySha256(destination.key) },
    sha256, bytes: stat.size, pages: read.stats.pages, verdict, quarantine_reason: reason, quarantine_detail: detail, issues,
    read: {
      text_pages: read.stats.textPages, ocr_pages: read.stats.ocrPages, ocr_regions: read.stats.ocrRegions, ocr_confidence: read.stats.ocrConfidence,
      form_fields: read.stats.formFields, annotations: read.stats.annotations, attachments: read.stats.attachments, chars: read.stats.chars,
    },
    entities: found.map((e) => ({
      type: e.type, source: e.at.source, page: e.at.page, attachment: e.at.attachment, start: e.start, end: e.end, score: e.score,
      recognizer: e.recognizer, masked: maskValue(e.at.text.slice(e.start, e.end), e.type),
    })),
    counts: countByType(found), model_version: deps.modelVersion,
    timings_ms: {
      download: ms(tDownload - t0), extract: ms(Math.max(0, tRead - tDownload - read.stats.ocrMs)), ocr: ms(read.stats.ocrMs), detect: ms(tDetect - tRead), route: 0, total: 0,
    },
    redaction,
    scanned_at: scannedAt.toISOString(),
  } satisfies ComplianceFinding);
  // route: moving the document and writing its finding, without the redacted copy (its own `redaction.ms`)
  finding.timings_ms.route = ms(performance.now() - tDetect - redactMs);
  finding.timings_ms.total = ms(performance.now() - t0);
  const json = JSON.stringify(finding);
  await store.put(bucket, findingKey(destination.key), json, { contentType: 'application/json' });
  await store.put(settings.lakeBucket, lakeFindingKey(ref, options.eventTime ?? scannedAt), `${json}\n`, { contentType: 'application/json' });
  await deleteScannedVersion(deps, source, stat.etag, log);
  if (redaction?.status === 'not_published') log.warn('redacted copy not published', { reason: redaction.reason });
  log.info('document routed', { verdict, reason, redaction: redaction?.status ?? null, pages: finding.pages, counts: finding.counts, scan_ref: ref, ms: finding.timings_ms.total });
  return { status: 'routed', finding };
}

/**
 * Deletes exactly what was scanned: that version in a versioned bucket (for good, so no copy of a
 * PII document stays behind as an old version); elsewhere the object only while it still has the
 * scanned ETag, so a newer upload of the same key is kept for its own event.
 */
async function deleteScannedVersion(deps: ScanDeps, source: UploadRef, etag: string | null, log: ReturnType<typeof documentLogger>): Promise<void> {
  if (source.versionId) return deps.store.delete(source.bucket, source.key, { versionId: source.versionId });
  const current = await deps.store.stat(source.bucket, source.key);
  if (current && etag && current.etag && current.etag !== etag) {
    log.info('upload replaced during the scan; the newer upload is kept for its own event');
    return;
  }
  await deps.store.delete(source.bucket, source.key);
}
