import { createHash } from 'node:crypto';
import { maskObjectKey } from '@sfc/shared';
import { UPLOADS_PREFIX } from './uploadRules.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The documented reference of an object key: SHA-256 of its UTF-8 bytes (hash a known key to look it up). */
export const keySha256 = (key: string): string => sha256(key);

/**
 * The key as findings, lake rows and logs show it: `loans/***.pdf`. Format controls left in the kept
 * folder (a right-to-left override turns `loans/` around on screen) are written as `<U+202E>`.
 */
export const maskedKey = (key: string): string =>
  maskObjectKey(key).replace(/\p{Cf}/gu, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);

/**
 * One upload's identity for idempotency: bucket, key and the version the event names (or its ETag
 * where the bucket keeps no versions). A re-upload of the same key is a new scan; a repeated event is not.
 */
export const scanRef = (bucket: string, key: string, versionId: string | null, etag: string | null): string =>
  sha256(`${bucket}\n${key}\n${versionId ? `v:${versionId}` : `e:${etag ?? ''}`}`);

/**
 * Key of a document outside the pii bucket whose own key holds personal data: the uploads prefix,
 * the key's SHA-256 and its extension (`loans/<sha256>.pdf`), so no name or number leaves the pii bucket.
 */
export function referenceKey(key: string): string {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(key)?.[0] ?? '';
  return `${key.startsWith(UPLOADS_PREFIX) ? UPLOADS_PREFIX : ''}${keySha256(key)}${ext}`;
}

/** The key as text for the detector: the file name without its extension, separators as spaces. */
export const keyText = (key: string): string => key.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[/_+]+/g, ' ').trim();
