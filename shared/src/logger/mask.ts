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
const DIGIT_RUN = /(?<![\w+])\+?\d[\d ().-]{6,40}\d(?![\w])/;

// Not personal, though made of digits: kept whole, and tried before DIGIT_RUN at each position so no
// digit run is cut out of them. ISO dates and times (`2026-12-07`, `2026-12-07T10:00:00.123+01:00`,
// lake partitions `dt=2026-12-07`): a date of birth written this way stays readable too, which is
// why records' birth dates are never put in a log message. UUIDs (event ids, request ids): 32 hex
// digits in the 8-4-4-4-12 shape no phone, card or SSN has. Lake object names
// (`transactions-0-0000000000000123.jsonl`, see lakeObjectKey): topic, partition, 16-digit first
// offset; only our code writes that shape.
const ISO_DATE = /\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?(?!\d)/;
const UUID = /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])/;
const LAKE_OBJECT = /[A-Za-z_][\w.]{0,100}-\d{1,5}-\d{16}\.jsonl/;
const KEEP_OR_DIGITS = new RegExp(`(?<!\\w)(${ISO_DATE.source}|${UUID.source}|${LAKE_OBJECT.source})|(${DIGIT_RUN.source})`, 'g');

/**
 * Whether a digit run found in free text is personal. Separated runs (`123-45-6789`,
 * `(555) 123-4567`, `+44 20 7946 0958`, `4111 1111 1111 1111`) are: separators are how people write
 * phone, card and ID numbers, and a count or limit is written without them. A bare run of digits is
 * a count, size or limit (`1000000`, `99999999`, a card BIN's bounds) up to 8 digits and personal
 * from 9 on: a US SSN without dashes has 9 digits, a phone number with its area code 10 to 15
 * (E.164), a card number 12 to 19. What this lets through: a local phone number of at most 8 digits
 * written with no area code and no separator. What it still masks: 9+ digit counters in text (epoch
 * milliseconds, Kafka offsets), which log fields carry as numbers instead.
 */
function isPersonalNumber(run: string): boolean {
  return !/^\d{1,8}$/.test(run);
}

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
  return value.replace(EMAIL, maskEmail).replace(KEEP_OR_DIGITS, (m: string, keep: string | undefined) =>
    (keep !== undefined || !isPersonalNumber(m) ? m : maskTail(m.replace(/\D/g, ''), 2)));
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

/**
 * The class name of an error that arrives as a plain object (Powertools' formatted errors, errors
 * passed between processes, `{ name, message }` built by hand): there `name` is `AdapterError`, not
 * a person, when the object is an error (a `message` and a `stack`, or a name ending in Error,
 * Exception or Fault) and the name is one identifier.
 */
function errorClassName(o: Record<string, unknown>): string | undefined {
  const { name, message, stack } = o;
  if (typeof name !== 'string' || typeof message !== 'string' || !/^[A-Za-z_$][\w$.]{0,100}$/.test(name)) return undefined;
  return typeof stack === 'string' || /(?:Error|Exception|Fault)$/.test(name) ? name : undefined;
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
    const errorName = errorClassName(value as Record<string, unknown>);
    for (const [k, v] of Object.entries(value)) out[k] = k === 'name' && errorName ? errorName : maskPii(v, k);
    return out;
  }
  return value;
}
