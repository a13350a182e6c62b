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
}

export interface StatusChange { active?: string; previous?: string }

/**
 * Which version is ACTIVE, as one record written atomically, so there is never more than one:
 * `stack` is the order of activations (rollback pops it), `published` every version ever ACTIVE
 * (INACTIVE unless it is the active one; the rest are DRAFT).
 */
export interface StatusRecord { active: string | null; stack: string[]; published: string[] }
export const EMPTY_STATUS: StatusRecord = { active: null, stack: [], published: [] };

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
    record: { active: versionId, stack: [...r.stack.filter((v) => v !== versionId), versionId], published: [...new Set([...r.published, versionId])] },
    change: { active: versionId, ...(r.active ? { previous: r.active } : {}) },
  };
}

export function applyRollback(r: StatusRecord, detectorId: string): { record: StatusRecord; change: StatusChange } {
  if (!r.active) throw new ConfigError(`detector ${detectorId}`, 'has no ACTIVE version to roll back from (activate one: npm run detectors -- activate <detector> <version>)');
  const stack = r.stack.filter((v) => v !== r.active);
  const to = stack.at(-1);
  if (!to) throw new ConfigError(`detector ${detectorId}`, `version ${r.active} is the only one ever ACTIVE: nothing to roll back to`);
  return { record: { ...r, active: to, stack }, change: { active: to, previous: r.active } };
}
