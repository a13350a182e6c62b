import { z } from 'zod';
import { ConfigError, loadConfig, describeConfig } from '../src/index.js';

const spec = {
  PORT: { schema: z.coerce.number().int().positive(), default: '8080', doc: 'Port.' },
  MODE: { schema: z.enum(['a', 'b']), doc: 'Mode (required).' },
};

describe('Config: loadConfig', () => {
  it('applies defaults and coerces values', () => {
    expect(loadConfig(spec, { MODE: 'a' })).toEqual({ PORT: 8080, MODE: 'a' });
    expect(loadConfig(spec, { MODE: 'b', PORT: '9' })).toEqual({ PORT: 9, MODE: 'b' });
  });

  it.each([
    [{}, 'MODE', /MODE: is required/],
    [{ MODE: 'c' }, 'MODE', /MODE: invalid value "c"/],
    [{ MODE: 'a', PORT: '-1' }, 'PORT', /PORT: invalid value "-1"/],
  ])('fails fast on %p naming %s', (env, variable, message) => {
    const attempt = () => loadConfig(spec, env);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try { attempt(); } catch (err) { expect((err as ConfigError).variable).toBe(variable); }
  });

  it('describes every variable for the README', () => {
    expect(describeConfig(spec)).toEqual(['| `PORT` | `8080` | Port. |', '| `MODE` | (required) | Mode (required). |']);
  });
});
