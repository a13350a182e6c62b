import type { ObjectStore } from '@sfc/shared';
import { CopyVerificationError } from '../errors.js';

export interface MoveRequest {
  from: { bucket: string; key: string; versionId?: string | null };
  to: { bucket: string; key: string };
  body: Uint8Array;
  sha256: string;
}

/**
 * Copies the document to its destination and checks the stored copy's size and SHA-256 against the
 * source bytes. The source is deleted by the caller only after this returns, so a failed or
 * interrupted move leaves the upload in place for the retry.
 */
export async function copyVerified(store: ObjectStore, req: MoveRequest): Promise<void> {
  await store.put(req.to.bucket, req.to.key, req.body, { contentType: 'application/pdf' });
  const stored = await store.head(req.to.bucket, req.to.key);
  if (!stored) throw new CopyVerificationError(req.to.bucket, req.to.key, 'copy not found after write');
  if (stored.size !== req.body.byteLength) {
    throw new CopyVerificationError(req.to.bucket, req.to.key, `size ${stored.size} != ${req.body.byteLength}`);
  }
  if (stored.sha256 !== req.sha256) throw new CopyVerificationError(req.to.bucket, req.to.key, 'checksum mismatch');
}

/**
 * Copies a document that was never downloaded (over MAX_PDF_BYTES) inside the store, and checks the
 * copy's size, and its ETag where the source's is a plain MD5 (a multipart ETag changes on copy).
 */
export async function copyServerSide(store: ObjectStore, req: { from: MoveRequest['from']; to: MoveRequest['to']; size: number; etag: string | null }): Promise<void> {
  const copied = await store.copy(req.from, req.to);
  if (copied.size !== req.size) throw new CopyVerificationError(req.to.bucket, req.to.key, `size ${copied.size} != ${req.size}`);
  if (req.etag && /^[0-9a-f]{32}$/.test(req.etag) && copied.etag && copied.etag !== req.etag) {
    throw new CopyVerificationError(req.to.bucket, req.to.key, 'ETag mismatch');
  }
}
