import { parseKeyRing, PiiPolicy, Pseudonymiser, PII_KINDS, type PiiSettings } from '../../src/index.js';

/** Fixed test key material (never used outside tests): tokens are reproducible run to run. */
export const TEST_KEYS = { current: 'v1', v1: 'test-key-material-v1-0123456789abcdef' };
export const TEST_KEYS_ROTATED = { ...TEST_KEYS, current: 'v2', v2: 'test-key-material-v2-fedcba9876543210' };

export const testPseudonymiser = (keys: Record<string, string> = TEST_KEYS) => new Pseudonymiser(parseKeyRing(JSON.stringify(keys), 'test keys'));

export const testPolicy = (settings: Partial<PiiSettings> = {}, keys: Record<string, string> = TEST_KEYS) => new PiiPolicy(testPseudonymiser(keys), {
  mode: 'tokens', tokenise: new Set(PII_KINDS), allow: [], custom: [], phoneRegion: 'US', ...settings,
});
