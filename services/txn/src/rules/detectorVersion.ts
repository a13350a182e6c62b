import { z } from 'zod';
import { DetectorFileSchema, type DetectorFile } from './detectorFile.js';

/** AFD's detector version statuses. */
export const VERSION_STATUSES = ['DRAFT', 'ACTIVE', 'INACTIVE'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * AFD's UpdateDetectorVersionStatus moves: DRAFT -> ACTIVE, ACTIVE -> INACTIVE, INACTIVE -> ACTIVE.
 * Activating a version makes the detector's previous ACTIVE one INACTIVE (one ACTIVE per detector).
 */
const MOVES: Record<VersionStatus, readonly VersionStatus[]> = { DRAFT: ['ACTIVE'], ACTIVE: ['INACTIVE'], INACTIVE: ['ACTIVE'] };

export function canMove(from: VersionStatus, to: VersionStatus): boolean { return MOVES[from].includes(to); }

/** AFD's detectorVersionId: a whole number as a string, 1 to 5 digits. */
export const VERSION_ID = /^[1-9][0-9]{0,4}$/;

/**
 * A detector version: a detector file (rules in AFD's shape, execution mode, outcome mapping, variable
 * defaults, the score variable's model id) plus the model artifact it was written for. `model.modelVersion`
 * is our model's version (`fd.model_version`, e.g. `lgbm-1a2b3c4d5e6f`); absent, the version runs
 * with whatever model `score` loaded. Immutable once it has been ACTIVE; its status is the store's.
 */
export const DetectorVersionBodySchema = DetectorFileSchema.extend({
  model: z.object({ modelVersion: z.string().min(1).optional() }).default({}),
  /** Where it came from (an AFD import names the AFD detector version), for people. */
  source: z.string().optional(),
});
export type DetectorVersionBody = z.infer<typeof DetectorVersionBodySchema>;

export interface DetectorVersion {
  detectorId: string;
  detectorVersionId: string;
  status: VersionStatus;
  body: DetectorVersionBody;
  createdTime: string;
}

/** What `fd.detector_version` says: `<detector>:<version>`. */
export const versionLabel = (detectorId: string, versionId: string) => `${detectorId}:${versionId}`;

/** The rules a version runs, as a detector file (the detector id is the version's). */
export function detectorFileOf(v: { detectorId: string; body: DetectorVersionBody }): DetectorFile {
  const { model: _model, source: _source, ...file } = v.body;
  return { ...file, detectorId: v.detectorId };
}
