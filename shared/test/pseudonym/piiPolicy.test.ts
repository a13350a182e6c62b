import { loadConfig, maskIp, maskPans, pseudonymConfig } from '../../src/index.js';
import { testPolicy } from '../support/pseudonym.js';

describe('PiiPolicy: what personal values become in the lake', () => {
  it('masks display forms, shows allow-listed values as they are', () => {
    const p = testPolicy({ allow: ['Support@Lender.example', '1 Bank Plaza'] });
    expect(p.display('email', 'jane.doe@example.com')).toBe('j***@example.com');
    expect(p.display('name', 'Jane Doe')).toBe('J*** D***');
    expect(p.display('phone', '555-123-4567')).toBe('********4567');
    expect(p.display('ip', '203.0.113.7')).toBe('203.0.113.x');
    expect(p.display('street', '12 Main St')).toBe('***');
    expect(p.display('email', 'support@lender.example')).toBe('support@lender.example');
    expect(p.display('street', '1  bank plaza')).toBe('1  bank plaza');
    expect(maskIp('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:85a3::x');
  });

  it('gives tokens only to the kinds configured, display-only for the others', () => {
    const p = testPolicy({ tokenise: new Set(['email'] as const) });
    expect(p.token('email', 'jane@example.com')).toMatch(/^tok:v1:/);
    expect(p.token('phone', '555-123-4567')).toBeNull();
  });

  it('masks card numbers in free text in every mode, Luhn-valid or not', () => {
    for (const mode of ['tokens', 'raw'] as const) {
      const p = testPolicy({ mode });
      expect(p.scrub('card 4111 1111 1111 1111 please')).toBe('card ************1111 please');
      expect(p.scrub('pan:4111-1111-1111-1112.')).toBe('pan:************1112.');
    }
    expect(maskPans('zip 62701, order 123456789012')).toBe('zip 62701, order 123456789012');
    expect(maskPans('23 digits 12345678901234567890123')).toBe('23 digits 12345678901234567890123');
  });

  it('tokenises e-mails and custom identifiers near their keywords in free text, not allowed ones, not in raw mode', () => {
    const custom = [{ name: 'loan_ref', regex: 'LN-\\d{6}', keywords: ['loan'], ignoreWords: ['LN-000000'], maxDistance: 20 }];
    const p = testPolicy({ allow: ['help@lender.example'], custom });
    const loan = p.pseudonymiser.token('loan_ref', 'LN-123456');
    expect(p.scrub('loan number LN-123456')).toBe(`loan number ${loan}`);
    expect(p.scrub('ref LN-123456')).toBe('ref LN-123456');
    expect(p.scrub(`loan ${'x'.repeat(30)} LN-123456`)).toContain('LN-123456');
    expect(p.scrub('loan LN-000000')).toBe('loan LN-000000');
    expect(p.scrub('mail jane@example.com or help@lender.example')).toBe(`mail ${p.pseudonymiser.token('email', 'jane@example.com')} or help@lender.example`);
    expect(testPolicy({ mode: 'raw', custom }).scrub('loan LN-123456 jane@example.com')).toBe('loan LN-123456 jane@example.com');
  });

  it('reads its settings, naming a bad one', () => {
    const c = loadConfig(pseudonymConfig, {
      LAKE_PII_TOKENISE: 'email, phone', LAKE_PII_ALLOW: 'a@b.example; 1 Bank Plaza',
      LAKE_CUSTOM_IDENTIFIERS: '[{"name":"loan_ref","regex":"LN-\\\\d{6}","keywords":["loan"]}]',
    });
    expect(c.LAKE_PII).toBe('tokens');
    expect(c.LAKE_PII_TOKENISE).toEqual(['email', 'phone']);
    expect(c.LAKE_PII_ALLOW).toEqual(['a@b.example', '1 Bank Plaza']);
    expect(c.LAKE_CUSTOM_IDENTIFIERS[0]).toMatchObject({ name: 'loan_ref', maxDistance: 50, ignoreWords: [] });
    expect(() => loadConfig(pseudonymConfig, { LAKE_PII_TOKENISE: 'email,ssn' })).toThrow('configuration LAKE_PII_TOKENISE');
    expect(() => loadConfig(pseudonymConfig, { LAKE_CUSTOM_IDENTIFIERS: '[{"name":"x","regex":"("}]' })).toThrow('configuration LAKE_CUSTOM_IDENTIFIERS: invalid value "[{\\"name\\":\\"x\\",\\"regex\\":\\"(\\"}]": not a valid regular expression');
    expect(() => loadConfig(pseudonymConfig, { LAKE_PII: 'plain' })).toThrow('configuration LAKE_PII');
  });
});
