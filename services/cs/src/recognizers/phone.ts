import { getCountries, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import type { Recognizer, RecognizerResult } from './Recognizer.js';
import { findContext } from './context.js';
import { resultOf } from './result.js';

const NAME = 'PhoneRecognizer';
export const PHONE_CONTEXT = ['phone', 'tel', 'tel.', 'telephone', 'mobile', 'mob', 'cell', 'cellphone', 'fax', 'contact', 'call',
  'called', 'reach', 'reached', 'text', 'sms', 'whatsapp', 'ph', 'phone number', 'telefon', 'telefono', 'téléphone',
  'tél', 'handy', 'portable', 'landline', 'ext', 'extension', 'dial', 'dialed', 'ring', 'phoned', 'texted', 'voicemail', 'hotline',
  'phone no', 'tel no', 'cell no', 'mobile no', 'contact no', 'numéro', 'rufnummer', 'telefonnummer', 'número', 'numero', 'cellulare', 'celular'];
// "number", "home", "office" are left out: next to a bare digit run they more often label an account or a loan

// Phone-shaped: an optional + or 00, digits with spaces, dots, dashes or parentheses between groups,
// and an optional extension. Lines are never crossed.
const CANDIDATE = /(?<![\w+.\/-])(?:\+|00)?(?:\(\d{1,5}\)[ .-]?)?\d(?:\)?[ .-]?\(?\d){5,20}(?:[ ]?(?:x|ext\.?|extension|#)[ ]?\d{1,6})?(?![\w\/-]|\.\d)/gi;
const DATE_LIKE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/;
const EXTENSION = /[ ]?(?:x|ext\.?|extension|#)[ ]?(\d{1,6})$/i;
// National numbers written with a leading trunk 0 are tried in these regions first (then everywhere).
const TRUNK_ZERO_FIRST: CountryCode[] = ['GB', 'FR', 'DE', 'CH', 'AT', 'NL', 'BE', 'IE', 'IT', 'AU', 'NZ', 'IN', 'ZA', 'NG', 'KE',
  'JP', 'KR', 'CN', 'TW', 'TH', 'MY', 'ID', 'PH', 'VN', 'TR', 'IL', 'EG', 'SA', 'AE', 'PK', 'BD', 'BR', 'AR', 'PE', 'FI', 'SE', 'UA'];
const BUSINESS_TYPES = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN', 'VOICEMAIL']);
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?\d{3}[ .-]?\d{4}|\d{3}([ .-])\d{3}\1\d{4})$/;

/**
 * Telephone numbers of every region through libphonenumber's metadata (libphonenumber-js, max):
 * `+`/`00` numbers in any country, North American numbers, and national numbers with a trunk 0
 * (`079 0442 1744`, `01.84.17.61.18`, `024 971 50 30`), extensions included. Valid numbers in a
 * written phone layout score 0.6, a North American layout or a `+` number of the right length but
 * outside the numbering plan 0.5; a bare digit run needs a context word; toll-free, premium and shared-cost lines are businesses and dropped.
 */
export const phoneRecognizer: Recognizer = {
  name: NAME,
  entityTypes: ['PHONE'],
  analyze(text: string): RecognizerResult[] {
    const out: RecognizerResult[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const raw = m[0].replace(/[ .(-]+$/, '');
      if (DATE_LIKE.test(raw)) continue;
      const end = m.index + raw.length;
      const contextWords = findContext(text, m.index, end, PHONE_CONTEXT);
      // a bare digit run is only ever a phone next to a phone word: skip the metadata look-up otherwise
      if (contextWords.length === 0 && /^\d+$/.test(raw)) continue;
      const scored = cachedScore(raw);
      if (!scored) continue;
      const score = scored.score + (contextWords.length ? 0.35 : 0);
      out.push(resultOf({ type: 'PHONE', start: m.index, end, score, recognizer: NAME, pattern: scored.pattern, originalScore: scored.score,
        validated: scored.valid, contextWords, note: scored.region ? `region ${scored.region}` : undefined }));
    }
    return out;
  },
};

const cache = new Map<string, ReturnType<typeof scorePhone>>();
function cachedScore(raw: string): ReturnType<typeof scorePhone> {
  if (!cache.has(raw)) {
    if (cache.size > 20_000) cache.clear();
    cache.set(raw, scorePhone(raw));
  }
  return cache.get(raw)!;
}

/** How phone-like a candidate is on its own: null when it cannot be a personal phone number. */
export function scorePhone(raw: string): { score: number; pattern: string; valid: boolean; region?: string } | null {
  const ext = EXTENSION.exec(raw);
  const body = ext ? raw.slice(0, ext.index) : raw;
  const digits = body.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || /^(\d)\1+$/.test(digits)) return null;
  const laidOut = /[ .()-]/.test(body.trim());
  const bonus = ext ? 0.1 : 0;
  const intl = /^(?:\+|00)/.test(body);
  let phone: PhoneNumber | undefined;
  if (intl) phone = parse(body.replace(/^00/, '+'));
  else if (digits.startsWith('0')) phone = firstValid(body, TRUNK_ZERO_FIRST) ?? (laidOut ? firstValid(body, getCountries()) : undefined);
  else phone = parse(body, 'US');
  if (phone && BUSINESS_TYPES.has(phone.getType() ?? '')) return null;
  if (phone?.isValid()) {
    return { score: (laidOut || intl ? 0.6 : 0.3) + bonus, pattern: intl ? 'international' : 'national', valid: true, region: phone.country };
  }
  // right length but not in the numbering plan (fictional 555 numbers, unassigned area codes)
  if (NANP_SHAPE.test(body.trim()) || (intl && phone?.isPossible())) return { score: 0.5 + bonus, pattern: intl ? 'international possible' : 'nanp layout', valid: false };
  if (!intl && digits.length === 10 && !digits.startsWith('0')) return { score: 0.25 + bonus, pattern: 'ten digits', valid: false };
  // written as a phone number but in no numbering plan (`090-1234-5678`, `8 (495) 123-45-67`, a local
  // `555-0143`): kept under the threshold, so only a phone word nearby (or an extension) reports it
  const groups = body.split(/\D+/).filter(Boolean);
  if (laidOut && ((digits.length >= 8 && groups.length >= 3 && groups.every((g) => g.length <= 5)) || /^\d{3}[-. ]\d{4}$/.test(body.trim()))) {
    return { score: 0.3 + bonus, pattern: 'phone layout', valid: false };
  }
  return null;
}

function parse(s: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    return parsePhoneNumberFromString(s, region);
  } catch {
    return undefined;
  }
}

function firstValid(s: string, regions: readonly CountryCode[]): PhoneNumber | undefined {
  for (const region of regions) {
    const p = parse(s, region);
    if (p?.isValid()) return p;
  }
  return undefined;
}
