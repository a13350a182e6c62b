import type { Redaction, TextSource } from '@sfc/shared';
import { containsPii } from '../detect/piiPolicy.js';
import { keySha256, keyText, maskedKey } from '../scan/objectKeys.js';
import type { Issue, PdfWord } from '../reader/protocol.js';
import type { ScanDeps } from '../scan/ScanDeps.js';
import { wordBoxes } from './ocrWords.js';
import { rasterPages } from './rasterPage.js';
import { redactPdf, REMOVED_PARTS } from './redactPdf.js';
import type { Box } from './rewriteText.js';
import { textUnderBoxes } from './textUnderBoxes.js';

/** One entity the scan found: its type, where, and its raw value (kept in memory only). */
export interface FoundValue {
  type: string;
  source: TextSource;
  page: number | null;
  attachment: string | null;
  value: string;
  /** The OCR'd words (boxes in user space) of the whole page the value was read from, if it was. */
  words?: readonly PdfWord[];
}

/**
 * Writes the redacted copy of a pii document to the redacted bucket, or says why it did not. The
 * copy leaves out every part REMOVED_PARTS names (so values found in forms, annotations, metadata and
 * attachments go with them), removes the text of each entity of a PII type from its page's content
 * stream (redactPdf) and is then scanned again by the same reader and detector: it is published only
 * when that rescan finds no entity of a PII type, reports no issue (an unread page could hide one),
 * and pdf.js extracts no character under a redaction box. Documents the scan read only in part
 * (`readIssues`) get no copy. A page whose values OCR read is replaced by its rendering with their
 * words painted black (rasterPages); values OCR read from pictures on text pages are not redacted yet. `copyKey` is the key it is written under
 * (a reference key when the upload's own key holds personal data).
 */
export async function redactCopy(deps: ScanDeps, bytes: Uint8Array, found: readonly FoundValue[], readIssues: readonly Issue[], copyKey: string, deadline: number): Promise<Redaction> {
  const { settings } = deps;
  const t0 = performance.now();
  const result = (r: Omit<Redaction, 'ms' | 'removed'> & { removed?: string[] }): Redaction => ({
    removed: [], ...r, ms: Math.round((performance.now() - t0) * 10) / 10,
  });
  const bucket = settings.redactedBucket;
  if (!bucket) return result({ status: 'off', reason: 'REDACT is false', destination: null, boxes: 0, unlocated: 0, rescan_entities: 0 });
  // what was not read cannot be redacted: a page left unread (or read only in part) may hold more
  if (readIssues.length > 0) {
    return result({ status: 'not_published', reason: `the document was read only in part (${[...new Set(readIssues.map((i) => i.reason))].join(', ')})`, destination: null, boxes: 0, unlocated: 0, rescan_entities: 0 });
  }
  const personal = found.filter((f) => settings.piiTypes.has(f.type));
  // values OCR read from a whole page: that page becomes a picture with the values' words painted black
  const scanned = personal.filter((f) => f.source === 'ocr' && f.attachment === null);
  const noWords = scanned.filter((f) => !f.words || f.page === null);
  if (noWords.length > 0) {
    return result({ status: 'not_published', reason: `${noWords.length} entities were read by OCR from a picture on a page or a straightened scan, whose word positions are not kept: not redacted yet`, destination: null, boxes: 0, unlocated: 0, rescan_entities: 0 });
  }
  const painted = new Map<number, Box[]>();
  let ocrUnlocated = 0;
  for (const f of scanned) {
    for (const line of f.value.split('\n').map((l) => l.trim()).filter(Boolean)) {
      const found = wordBoxes(f.words!, line);
      if (found) painted.set(f.page!, [...(painted.get(f.page!) ?? []), ...found]);
      else ocrUnlocated += 1;
    }
  }
  // text-layer values by page, one line each (a value may wrap, e.g. an address over two lines)
  const values = new Map<number, string[]>();
  for (const f of personal) {
    if (f.source !== 'text' || f.attachment !== null || f.page === null) continue;
    const lines = f.value.split('\n').map((l) => l.trim()).filter(Boolean);
    values.set(f.page, [...new Set([...(values.get(f.page) ?? []), ...lines])]);
  }
  let copy: Awaited<ReturnType<typeof redactPdf>>;
  try {
    copy = await redactPdf(bytes, values, await rasterPages(bytes, painted, settings.ocr.dpi, settings.limits.maxRenderPixels));
  } catch (err) {
    // pdf-lib may refuse what pdf.js read; the reason names the failure, never document text
    return result({ status: 'not_published', reason: `the copy could not be written: ${(err as Error).name}: ${(err as Error).message.slice(0, 200)}`, destination: null, boxes: 0, unlocated: 0, rescan_entities: 0, removed: [...REMOVED_PARTS] });
  }
  const boxes = [...copy.boxes.values(), ...painted.values()].reduce((n, b) => n + b.length, 0);
  const unlocated = copy.unlocated + ocrUnlocated;
  const base = { boxes, unlocated, removed: [...REMOVED_PARTS] };

  // the check: the same reader and detector over the copy, and the copy's key. With pages made
  // pictures the rescan OCRs them as the scan did. Otherwise OCR is off: the text layer alone held
  // the PII, so a page or picture that would need OCR in the copy is an issue that stops publishing,
  // and the text-layer check (OCR of sample lines, against fonts that draw other letters than they
  // extract) is not repeated, as the copy keeps the fonts the scan already checked; it is most of a
  // rescan's time.
  const read = await deps.reader.read(copy.bytes, settings.limits, { ...settings.ocr, enabled: painted.size > 0 }, deadline);
  const texts = [keyText(copyKey), ...read.parts.map((p) => p.text)];
  const again: { type: string }[] = [];
  for (const text of texts) for (const r of await deps.detector.detectText(text)) again.push(r);
  const left = again.filter((e) => settings.piiTypes.has(e.type));
  const types = [...new Set(left.map((e) => e.type))].sort().join(', ');
  const why: string[] = [];
  if (containsPii(left, settings.piiTypes)) why.push(`the rescan of the copy found ${left.length} entities (${types})`);
  if (read.issues.length > 0) why.push(`the rescan of the copy reported ${[...new Set(read.issues.map((i) => i.reason))].join(', ')}`);
  if (unlocated > 0) why.push(`${unlocated} values were not found in the page content`);
  const under = why.length === 0 ? await textUnderBoxes(copy.bytes, copy.boxes) : 0;
  if (under > 0) why.push(`${under} characters are still extractable under the redaction boxes`);
  if (why.length > 0) return result({ status: 'not_published', reason: why.join('; '), destination: null, ...base, rescan_entities: left.length });

  await deps.store.put(bucket, copyKey, copy.bytes, { contentType: 'application/pdf' });
  return result({ status: 'published', reason: null, destination: { bucket, key: maskedKey(copyKey), key_sha256: keySha256(copyKey) }, ...base, rescan_entities: 0 });
}
