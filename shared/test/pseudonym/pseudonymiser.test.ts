import { isToken, KeyRingError, parseKeyRing, TOKEN_PATTERN, versionOf } from '../../src/index.js';
import { TEST_KEYS, TEST_KEYS_ROTATED, testPseudonymiser } from '../support/pseudonym.js';

describe('Pseudonymiser: keyed, consistent tokens', () => {
  const p = testPseudonymiser();

  it('gives the same value the same token across calls, instances and spellings', () => {
    const t = p.token('email', 'jane.doe@example.com');
    expect(t).toMatch(TOKEN_PATTERN);
    expect(t.startsWith('tok:v1:')).toBe(true);
    expect(testPseudonymiser().token('email', 'jane.doe@example.com')).toBe(t);
    expect(p.token('email', '  Jane.Doe@EXAMPLE.com ')).toBe(t);
    expect(p.token('phone', '(555) 123-4567')).toBe(p.token('phone', '+1 555 123 4567'));
    expect(p.token('phone', '555.123.4567')).toBe(p.token('phone', '5551234567'));
    expect(p.token('name', '  JANE   doe')).toBe(p.token('name', 'Jane Doe'));
    expect(p.token('ip', '2001:DB8:0:0::1')).toBe(p.token('ip', '2001:db8::1'));
  });

  it('gives different values, and one value of different kinds, different tokens', () => {
    const tokens = ['jane@example.com', 'jane2@example.com', 'john@example.com'].map((v) => p.token('email', v));
    expect(new Set(tokens).size).toBe(3);
    expect(p.token('name', 'Jane Doe')).not.toBe(p.token('street', 'Jane Doe'));
    expect(p.token('name', 'José')).not.toBe(p.token('name', 'Jose'));
    // 10,000 distinct values, no collision in 128 bits
    expect(new Set(Array.from({ length: 10_000 }, (_, i) => p.token('email', `user${i}@example.com`))).size).toBe(10_000);
  });

  it('depends on the key: another key gives unrelated tokens', () => {
    const other = testPseudonymiser({ current: 'v1', v1: 'another-key-of-at-least-32-bytes-long!' });
    expect(other.token('email', 'jane@example.com')).not.toBe(p.token('email', 'jane@example.com'));
  });

  it('key rotation: new data gets v2 tokens, v1 tokens still match their values', () => {
    const before = p.token('email', 'jane@example.com');
    const rotated = testPseudonymiser(TEST_KEYS_ROTATED);
    const after = rotated.token('email', 'jane@example.com');
    expect(versionOf(after)).toBe('v2');
    expect(after).not.toBe(before);
    expect(rotated.matches(before, 'email', 'JANE@example.com')).toBe(true);
    expect(rotated.matches(after, 'email', 'jane@example.com')).toBe(true);
    expect(rotated.matches(before, 'email', 'john@example.com')).toBe(false);
    expect(rotated.tokensOf('email', 'jane@example.com')).toEqual([before, after]);
    // a token of a version the ring no longer holds cannot be matched
    expect(p.matches(after, 'email', 'jane@example.com')).toBe(false);
  });

  it('rejects malformed key rings, naming the source and never the material', () => {
    expect(() => parseKeyRing('{"current":"v2","v1":"' + 'x'.repeat(40) + '"}', 'keys.json')).toThrow('keys.json: current version v2 has no key');
    expect(() => parseKeyRing('{"current":"v1","v1":"short"}', 'keys.json')).toThrow('key v1 is shorter than 32 bytes');
    expect(() => parseKeyRing('not json', 'secret sfc')).toThrow(KeyRingError);
    try {
      parseKeyRing('{"current":"v1","v1":"short-secret"}', 'k');
    } catch (err) {
      expect(String(err)).not.toContain('short-secret');
    }
    expect(isToken(`tok:v1:${'a'.repeat(32)}`)).toBe(true);
    expect(isToken(`tok:v1:${'a'.repeat(31)}`)).toBe(false);
    expect(TEST_KEYS.current).toBe('v1');
  });
});
