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
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadCsConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadCsConfig({ [name]: value })).toThrow(name);
  });
});
