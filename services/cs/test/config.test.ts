import { ConfigError } from '@sfc/shared';
import { loadCsConfig } from '../src/config.js';

describe('Function: loadCsConfig', () => {
  it('applies defaults: organisations and locations alone are not PII', () => {
    const config = loadCsConfig({});
    expect(config.UPLOADS_BUCKET).toBe('uploads');
    expect(config.PII_ENTITY_TYPES.has('PERSON')).toBe(true);
    expect(config.PII_ENTITY_TYPES.has('ORGANIZATION')).toBe(false);
    expect(config.PII_ENTITY_TYPES.has('LOCATION')).toBe(false);
  });

  it.each([
    ['MAX_PDF_PAGES', 'many'],
    ['MAX_PDF_BYTES', '-1'],
    ['PII_ENTITY_TYPES', ' , '],
    ['OBJECT_STORE', 'ftp'],
    ['PII_MIN_SCORES', 'PERSON=1.5'],
    ['PII_MIN_SCORES', 'PERSON:0.6'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadCsConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadCsConfig({ [name]: value })).toThrow(name);
  });

  it('reads per-entity thresholds (PII_MIN_SCORES), defaults chosen on the development split', () => {
    expect(loadCsConfig({}).PII_MIN_SCORES).toEqual({ PERSON: 0.3 });
    expect(loadCsConfig({ PII_MIN_SCORES: 'PERSON=0.6, PHONE=0.45' }).PII_MIN_SCORES).toEqual({ PERSON: 0.6, PHONE: 0.45 });
    expect(loadCsConfig({ PII_MIN_SCORES: 'PERSON=0.5' }).PII_MIN_SCORES).toEqual({ PERSON: 0.5 }); // an empty value means the default
  });
});
