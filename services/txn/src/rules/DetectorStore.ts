import { z } from 'zod';
import { ConfigError } from '@sfc/shared';
import type { DetectorVersion, DetectorVersionBody, VersionStatus } from './detectorVersion.js';
import { canMove } from './detectorVersion.js';

/**
 * Detector versions and which one is ACTIVE, changed at run time by the `detectors` CLI and read by
 * `score` before each batch. Adapter: FileDetectorStore (DATA_DIR/detectors). A version's rules are
 * immutable once it has been ACTIVE; only DRAFT versions may be edited (as in AFD).
 */
export interface DetectorStore {
  detectors(): Promise<string[]>;
  /** Every version of a detector with its status, lowest id first. */
  versions(detectorId: string): Promise<DetectorVersion[]>;
  get(detectorId: string, versionId: string): Promise<DetectorVersion>;
  /** A new DRAFT version: `preferredId` when free, else the next number. */
  create(detectorId: string, body: DetectorVersionBody, preferredId?: string): Promise<DetectorVersion>;
  /** Replaces a DRAFT version's body; any other status is refused. */
  update(detectorId: string, versionId: string, body: DetectorVersionBody): Promise<void>;
  /** AFD's UpdateDetectorVersionStatus; activating makes the previous ACTIVE version INACTIVE. */
  setStatus(detectorId: string, versionId: string, status: 'ACTIVE' | 'INACTIVE'): Promise<StatusChange>;
  /** Makes the version that was ACTIVE before the current one ACTIVE again. */
  rollback(detectorId: string): Promise<StatusChange>;
  /** Changes whenever the detector's ACTIVE version may have changed (cheap: called before every batch). */
  stamp(detectorId: string): Promise<string | undefined>;
  /** The ACTIVE version, if any. */
  active(detectorId: string): Promise<DetectorVersion | undefined>;
  /** Names a DRAFT or INACTIVE version as the shadow (our addition to AFD), or none (`null`); returns the shadow it replaced. */
  setShadow(detectorId: string, versionId: string | null): Promise<{ previous?: string }>;
  /** The ACTIVE and the SHADOW version, read from one status record. */
  live(detectorId: string): Promise<{ active?: DetectorVersion; shadow?: DetectorVersion }>;
}

export interface StatusChange { active?: string; previous?: string }

/**
 * Which version is ACTIVE, as one record written atomically, so there is never more than one:
 * `stack` is the order of activations (rollback pops it), `published` every version ever ACTIVE
 * (INACTIVE unless it is the active one; the rest are DRAFT).
 */
export interface StatusRecord { active: string | null; stack: string[]; published: string[]; shadow?: string | null }
export const EMPTY_STATUS: StatusRecord = { active: null, stack: [], published: [], shadow: null };

/**
 * The status record as stored (files and DynamoDB alike); `shadow` was added later, so a record without
 * it has none. It lives in the same record as `active` so `score` sees both change at the same moments.
 */
export const StatusRecordSchema = z.object({ active: z.string().nullable(), stack: z.array(z.string()), published: z.array(z.string()), shadow: z.string().nullable().default(null) });

export function statusOf(r: StatusRecord, versionId: string): VersionStatus {
  if (r.active === versionId) return 'ACTIVE';
  return r.published.includes(versionId) ? 'INACTIVE' : 'DRAFT';
}

/** The status record after a status change; invalid moves throw, naming both statuses. */
export function applyStatus(r: StatusRecord, detectorId: string, versionId: string, to: 'ACTIVE' | 'INACTIVE'): { record: StatusRecord; change: StatusChange } {
  const from = statusOf(r, versionId);
  if (!canMove(from, to)) {
    throw new ConfigError(`detector ${detectorId} version ${versionId}`, `cannot go from ${from} to ${to} (AFD allows DRAFT -> ACTIVE, ACTIVE -> INACTIVE, INACTIVE -> ACTIVE)`);
  }
  if (to === 'INACTIVE') return { record: { ...r, active: null }, change: { previous: versionId } };
  return {
    // Activating the shadowed version ends its shadowing: it now decides.
    record: { active: versionId, stack: [...r.stack.filter((v) => v !== versionId), versionId], published: [...new Set([...r.published, versionId])], shadow: r.shadow === versionId ? null : (r.shadow ?? null) },
    change: { active: versionId, ...(r.active ? { previous: r.active } : {}) },
  };
}

export function applyRollback(r: StatusRecord, detectorId: string): { record: StatusRecord; change: StatusChange } {
  if (!r.active) throw new ConfigError(`detector ${detectorId}`, 'has no ACTIVE version to roll back from (activate one: npm run detectors -- activate <detector> <version>)');
  const stack = r.stack.filter((v) => v !== r.active);
  const to = stack.at(-1);
  if (!to) throw new ConfigError(`detector ${detectorId}`, `version ${r.active} is the only one ever ACTIVE: nothing to roll back to`);
  return { record: { ...r, active: to, stack, shadow: r.shadow === to ? null : (r.shadow ?? null) }, change: { active: to, previous: r.active } };
}

/**
 * Names the shadow version (scored beside the ACTIVE one, no action taken) or none. Shadowing is our
 * addition to AFD: the version keeps its AFD status (DRAFT or INACTIVE); an ACTIVE one cannot shadow itself.
 */
export function applyShadow(r: StatusRecord, detectorId: string, versionId: string | null): { record: StatusRecord; change: { previous?: string } } {
  const previous = r.shadow ?? undefined;
  if (versionId === null) {
    if (!previous) throw new ConfigError(`detector ${detectorId}`, 'has no SHADOW version');
    return { record: { ...r, shadow: null }, change: { previous } };
  }
  if (r.active === versionId) throw new ConfigError(`detector ${detectorId} version ${versionId}`, 'is ACTIVE: only a DRAFT or INACTIVE version can be the shadow');
  return { record: { ...r, shadow: versionId }, change: previous && previous !== versionId ? { previous } : {} };
}
