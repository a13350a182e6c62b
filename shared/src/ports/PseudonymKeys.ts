import type { KeyRing } from '../pseudonym/keyRing.js';

/**
 * Where the pseudonymisation keys come from: a key file locally, a secret in AWS. `where` names the
 * source (a path or a secret id, never key material) for messages and the `npm start` summary.
 */
export interface PseudonymKeySource {
  readonly where: string;
  load(): Promise<KeyRing>;
}
