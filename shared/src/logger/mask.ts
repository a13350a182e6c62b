/** Fields that hold personal data; their values are masked wherever they appear in a log line or alert. */
export const PII_FIELDS = new Set([
  'email_address', 'email', 'customer_name', 'customer', 'name', 'phone', 'card_bin', 'billing_street',
  'street', 'ip_address', 'customer_email', 'text', 'matched', 'key', 'object_key', 'source_key', 'filename', 'file_name',
]);

/**
 * Identifier fields that carry no personal data: passed through unscrubbed, since the digit-run rule
 * would otherwise mangle UUIDs (e.g. `...-4689-8123-...`) and make alerts impossible to trace.
 */
export const IDENTIFIER_FIELDS = new Set(['event_id', 'entity_id', 'model_version', 'offset', 'sha256', 'original_sha256', 'key_sha256', 'scan_ref']);

// Lookbehinds make each match start only at the beginning of a run and bounds cap how far it scans,
// so masking stays linear in the text's length (unbounded runs backtracked quadratically).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}/g;
const DIGIT_RUN = /(?<![\w+])\+?\d[\d ().-]{6,40}\d(?![\w])/g;

/** `jane.doe@example.com` -> `j***@example.com`. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

/**
 * Keeps the first letter of each word in scripts with capital letters (`Jane Doe` -> `J*** D***`,
 * `Иван` -> `И***`); in other scripts one character can be a whole surname (`王小明`), so nothing is kept.
 */
export function maskName(value: string): string {
  return value.split(/\s+/).filter(Boolean).map((w) => {
    const first = [...w][0]!;
    return /\p{Lu}|\p{Ll}/u.test(first) ? `${first}***` : '***';
  }).join(' ');
}

/**
 * An object key with the file's name hidden: the first folder and the extension stay, the rest is
 * `***` (`loans/Jane Doe SSN 123-45-6789.pdf` -> `loans/***.pdf`). Keys of uploads carry whatever
 * the uploader typed, often the borrower's name; outside the pii bucket they appear only like this.
 */
export function maskObjectKey(value: string): string {
  const slash = value.indexOf('/');
  const folder = slash > 0 && slash < value.length - 1 ? value.slice(0, slash + 1) : '';
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(value)?.[0] ?? '';
  return `${folder}***${ext}`;
}

/** Keeps the last `keep` characters: `555-123-4567` -> `*******4567`. */
export function maskTail(value: string, keep = 4): string {
  const s = String(value);
  return s.length <= keep ? '*'.repeat(s.length) : '*'.repeat(s.length - keep) + s.slice(-keep);
}

/** Masks emails and long digit runs (phones, card numbers, SSNs) inside free text. */
export function maskText(value: string): string {
  return value.replace(EMAIL, maskEmail).replace(DIGIT_RUN, (m) => maskTail(m.replace(/\D/g, ''), 2));
}

function maskField(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const s = String(value);
  if (key.includes('email')) return maskEmail(s);
  if (key.endsWith('key') || key.includes('file')) return maskObjectKey(s);
  if (key.includes('name') || key === 'customer') return maskName(s);
  if (key === 'card_bin') return `${s.slice(0, 2)}****`;
  if (key.includes('street')) return '***';
  if (key === 'ip_address') return s.replace(/\d+$/, 'x').replace(/[0-9a-f]+$/i, 'x');
  return maskTail(s);
}

/** Deep copy of `value` with PII fields masked and free text scrubbed. */
export function maskPii(value: unknown, key = ''): unknown {
  if (PII_FIELDS.has(key) && (typeof value === 'string' || typeof value === 'number')) return maskField(key, value);
  if (IDENTIFIER_FIELDS.has(key) && typeof value === 'string') return value;
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((v) => maskPii(v));
  if (value instanceof Error) return { name: value.name, message: maskText(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskPii(v, k);
    return out;
  }
  return value;
}
