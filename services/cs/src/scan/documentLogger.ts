import type { Logger } from '@sfc/shared';
import { keySha256, maskedKey } from './objectKeys.js';

/**
 * A logger for one upload: its key never appears raw. Error messages from the object store name the
 * key they failed on; every string (message, fields, errors and their causes) has the key, plain or
 * URL-encoded, replaced by the masked key, and each line carries `key_sha256` to find the upload.
 */
export function documentLogger(logger: Logger, key: string): Logger {
  const masked = maskedKey(key);
  const forms = [...new Set([key, encodeURIComponent(key), encodeURIComponent(key).replace(/%2F/g, '/'), key.replace(/ /g, '+')])]
    .filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  const scrub = (s: string): string => forms.reduce((out, f) => out.split(f).join(masked), s);
  const redact = (value: unknown, depth = 0): unknown => {
    if (depth > 8) return '[deep]';
    if (typeof value === 'string') return scrub(value);
    if (value instanceof Error) {
      return { name: value.name, message: scrub(value.message), ...(value.cause !== undefined ? { cause: redact(value.cause, depth + 1) } : {}) };
    }
    if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, depth + 1)]));
    return value;
  };
  const ref = keySha256(key);
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields: Record<string, unknown> = {}) =>
    logger[level](scrub(message), { ...(redact(fields) as Record<string, unknown>), key: masked, key_sha256: ref });
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'), child: (c) => documentLogger(logger.child(c), key) };
}
