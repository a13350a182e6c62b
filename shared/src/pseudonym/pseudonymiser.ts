import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import type { KeyRing } from './keyRing.js';
import { normalise } from './normalise.js';

/**
 * `tok:<key version>:<32 hex digits>`: the first 128 bits of HMAC-SHA256 over the kind and the
 * normalised value. 128 bits keep collisions negligible at any realistic scale (about 1 in 10^19 for
 * ten billion distinct values, by the birthday bound) while a token stays short enough for a column.
 */
export const TOKEN_PATTERN = /^tok:v[1-9][0-9]{0,3}:[0-9a-f]{32}$/;
const TOKEN_IN_TEXT = /tok:v[1-9][0-9]{0,3}:[0-9a-f]{32}/g;
const TOKEN_HEX = 32;
/** Bounded memo of recent tokens: customers repeat, and phone parsing dominates the cost. */
const MEMO_MAX = 50_000;

export const isToken = (s: string): boolean => TOKEN_PATTERN.test(s);
/** Every token inside a text (custom identifiers and e-mails in free text are replaced by tokens). */
export const tokensIn = (s: string): string[] => s.match(TOKEN_IN_TEXT) ?? [];
export const versionOf = (token: string): string | undefined => (isToken(token) ? token.split(':')[1] : undefined);

/**
 * Keyed, consistent tokens: the same value of the same kind gives the same token under a key
 * version, in any process that holds the key. New data is tokenised with the current version; the
 * older versions are kept so a token written before a rotation can still be matched.
 */
export class Pseudonymiser {
  private readonly memo = new Map<string, string>();

  constructor(private readonly ring: KeyRing, private readonly phoneRegion: CountryCode = 'US') {}

  get version(): string {
    return this.ring.current;
  }

  get versions(): string[] {
    return [...this.ring.keys.keys()];
  }

  /** The token of a value under the current key. */
  token(kind: string, value: string): string {
    const memoKey = `${kind}\u0000${value}`;
    let token = this.memo.get(memoKey);
    if (token === undefined) {
      token = this.tokenWith(this.ring.current, kind, value);
      if (this.memo.size >= MEMO_MAX) this.memo.clear();
      this.memo.set(memoKey, token);
    }
    return token;
  }

  /** The token of a value under one key version; throws for a version the ring does not hold. */
  tokenWith(version: string, kind: string, value: string): string {
    const key = this.ring.keys.get(version);
    if (!key) throw new RangeError(`no pseudonymisation key ${version} (held: ${this.versions.join(', ')})`);
    const mac = createHmac('sha256', key).update(`${kind}\u0000${normalise(kind, value, this.phoneRegion)}`, 'utf8').digest('hex');
    return `tok:${version}:${mac.slice(0, TOKEN_HEX)}`;
  }

  /** The value's token under every held version, oldest first: what to look for in data spanning rotations. */
  tokensOf(kind: string, value: string): string[] {
    return this.versions.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((v) => this.tokenWith(v, kind, value));
  }

  /** Whether `value` (of `kind`) is what `token` stands for, under the token's own key version. */
  matches(token: string, kind: string, value: string): boolean {
    const version = versionOf(token);
    if (!version || !this.ring.keys.has(version)) return false;
    return timingSafeEqual(Buffer.from(token), Buffer.from(this.tokenWith(version, kind, value)));
  }
}
