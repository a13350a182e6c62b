import type { ObjectStore } from '@sfc/shared';
import { CopyVerificationError } from '../errors.js';

export interface MoveRequest {
  from: { bucket: string; key: string };
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
