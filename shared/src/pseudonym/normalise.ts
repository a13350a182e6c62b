import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * Kinds of personal value that get tokens. The kind is part of what is hashed, so the same string
 * as a name and as a street gives unrelated tokens; cs will map its entity types onto these
 * (PERSON -> name, EMAIL_ADDRESS -> email, PHONE_NUMBER -> phone, ...) to join documents with transactions.
 */
export const PII_KINDS = ['name', 'email', 'phone', 'street', 'ip'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

const words = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ');

/** Canonical IPv6 text (`2001:DB8:0::1` -> `2001:db8::1`) through the WHATWG URL parser; IPv4 as given. */
function canonicalIp(value: string): string {
  const v = value.trim();
  if (!v.includes(':')) return v;
  try {
    return new URL(`http://[${v}]/`).hostname.slice(1, -1);
  } catch {
    return v.toLowerCase();
  }
}

/**
 * The form of a value that is hashed, so that spellings of one value give one token: e-mails lower
 * case (the local part is case-sensitive in theory, never in practice), phones in E.164 (digits only
 * when libphonenumber cannot parse them), names and streets with Unicode compatibility forms,
 * whitespace collapsed and case folded (accents are kept: "José" and "Jose" differ), IPv6 in
 * canonical text. Custom identifier kinds get the name rule.
 */
export function normalise(kind: string, value: string, phoneRegion: CountryCode = 'US'): string {
  switch (kind) {
    case 'email': return value.normalize('NFKC').trim().toLowerCase();
    case 'phone': {
      const parsed = parsePhoneNumberFromString(value, phoneRegion);
      return parsed?.isPossible() ? parsed.number : value.replace(/(?!^\+)\D/g, '');
    }
    case 'ip': return canonicalIp(value);
    default: return words(value).toLowerCase();
  }
}
