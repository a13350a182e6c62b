import { ComplianceFindingSchema, type ComplianceFinding, type ObjectStore } from '@sfc/shared';
import { findingKey } from '../routing/keys.js';
import { keySha256, referenceKey } from './objectKeys.js';
import type { ScanSettings } from './ScanDeps.js';

/**
 * The finding of this very upload (same scan_ref: key and version or ETag) if it was already moved
 * out of uploads (a repeated S3 event), or null. A finding of another version of the key does not
 * count; only an event that names neither version nor ETag (`scanRef` null) accepts any finding of the key.
 */
export async function findExistingFinding(store: ObjectStore, settings: ScanSettings, key: string, scanRef: string | null): Promise<ComplianceFinding | null> {
  const places: [string, string][] = [[settings.piiBucket, key], [settings.cleanBucket, key], [settings.quarantineBucket, key],
    [settings.cleanBucket, referenceKey(key)], [settings.quarantineBucket, referenceKey(key)]];
  for (const [bucket, documentKey] of places) {
    const body = await store.get(bucket, findingKey(documentKey));
    if (!body) continue;
    const parsed = ComplianceFindingSchema.safeParse(JSON.parse(Buffer.from(body).toString('utf8')));
    if (parsed.success && (scanRef === null ? parsed.data.source.key_sha256 === keySha256(key) : parsed.data.scan_ref === scanRef)) return parsed.data;
  }
  return null;
}
