import { ComplianceFindingSchema, type ComplianceFinding, type ObjectStore } from '@sfc/shared';
import { findingKey } from '../routing/keys.js';
import type { ScanSettings } from './ScanDeps.js';

/** The finding of a document already moved out of uploads (a repeated S3 event), or null. */
export async function findExistingFinding(store: ObjectStore, settings: ScanSettings, key: string): Promise<ComplianceFinding | null> {
  for (const bucket of [settings.piiBucket, settings.cleanBucket, settings.quarantineBucket]) {
    const body = await store.get(bucket, findingKey(key));
    if (body) return ComplianceFindingSchema.parse(JSON.parse(Buffer.from(body).toString('utf8')));
  }
  return null;
}
