import { createSecretKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { SfcError } from '../errors.js';

/** A key version as it appears in tokens: `v1`, `v2`, ... */
export const KEY_VERSION = /^v[1-9][0-9]{0,3}$/;
/** Least key material accepted (bytes of the UTF-8 string): HMAC-SHA256 gains nothing beyond 64. */
export const MIN_KEY_BYTES = 32;

/**
 * The stored form, in the key file and in the Secrets Manager secret alike: a flat JSON object of
 * versions and the one that tokenises new data, `{"current":"v2","v1":"...","v2":"..."}`. Flat, so
 * CloudFormation's GenerateSecretString can create it (GenerateStringKey "v1") without the material
 * ever appearing in a template; rotation adds a version and moves `current`.
 */
const StoredKeysSchema = z.object({ current: z.string().regex(KEY_VERSION, 'not a key version (v1, v2, ...)') }).catchall(z.string());

/** The keys of every version, as HMAC key objects; `current` tokenises new data. */
export interface KeyRing {
  current: string;
  keys: ReadonlyMap<string, KeyObject>;
}

/** The key store holds something that is not a valid key ring; `where` names the file or secret. */
export class KeyRingError extends SfcError {
  constructor(where: string, reason: string) {
    super(`pseudonymisation keys in ${where}: ${reason}`, { context: { where } });
    this.name = 'KeyRingError';
  }
}

/** Parses the stored JSON; errors name the source and the version, never the material. */
export function parseKeyRing(json: string, where: string): KeyRing {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new KeyRingError(where, 'not JSON');
  }
  const parsed = StoredKeysSchema.safeParse(raw);
  if (!parsed.success) throw new KeyRingError(where, `${parsed.error.issues[0]?.path.join('.') || 'value'}: ${parsed.error.issues[0]?.message}`);
  const keys = new Map<string, KeyObject>();
  for (const [version, material] of Object.entries(parsed.data)) {
    if (version === 'current') continue;
    if (!KEY_VERSION.test(version)) throw new KeyRingError(where, `"${version}" is not a key version (v1, v2, ...)`);
    if (Buffer.byteLength(material, 'utf8') < MIN_KEY_BYTES) throw new KeyRingError(where, `key ${version} is shorter than ${MIN_KEY_BYTES} bytes`);
    keys.set(version, createSecretKey(Buffer.from(material, 'utf8')));
  }
  if (!keys.has(parsed.data.current)) throw new KeyRingError(where, `current version ${parsed.data.current} has no key`);
  return { current: parsed.data.current, keys };
}

/** The next version after the highest one stored (`v1` -> `v2`). */
export function nextVersion(versions: Iterable<string>): string {
  let max = 0;
  for (const v of versions) if (KEY_VERSION.test(v)) max = Math.max(max, Number(v.slice(1)));
  return `v${max + 1}`;
}
