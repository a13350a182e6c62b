import { isIPv4, isIPv6 } from 'node:net';
import type { VariableType } from '../eventType/variableTypes.js';

/** AFD's limits on a list: entries per list and characters per entry. */
export const MAX_LIST_ENTRIES = 100_000;
export const MAX_ENTRY_CHARS = 320;
/** AFD's list name pattern. */
export const LIST_NAME = /^[0-9a-z_]{1,64}$/;

/** The canonical text of an IP address: IPv4 without leading zeros, IPv6 compressed and lower-case (RFC 5952). */
export function canonicalIp(value: string): string | undefined {
  const v = value.trim();
  const dotted = dottedQuad(v);
  if (dotted !== null) return dotted;
  if (isIPv4(v)) return v;
  // WHATWG URL serialises an IPv6 host in RFC 5952 form; node:net has no formatter of its own.
  if (isIPv6(v)) return new URL(`http://[${v}]/`).hostname.slice(1, -1);
  return undefined;
}

/**
 * Four dot-separated runs of 1-3 ASCII digits (`010.0.0.7`): the canonical address, undefined when an
 * octet is over 255, null when `v` is not of that form. Scanned by hand: scoring normalises an event's
 * IP address once per list per event, and a regex + split + join cost most of a 50-rule detector's
 * list lookups (about 0.7 µs an address); an address already canonical is returned as it is.
 */
function dottedQuad(v: string): string | undefined | null {
  let parts = 0;
  let digits = 0;
  let octet = 0;
  let padded = false;
  let over = false;
  for (let i = 0; i <= v.length; i++) {
    const ch = i < v.length ? v.charCodeAt(i) : 46; // a final '.' closes the last octet
    if (ch >= 48 && ch <= 57) {
      if (++digits > 3) return null;
      if (digits === 2 && octet === 0) padded = true;
      octet = octet * 10 + (ch - 48);
    } else if (ch === 46) {
      if (digits === 0 || ++parts > 4) return null;
      if (octet > 255) over = true;
      digits = 0;
      octet = 0;
    } else {
      return null;
    }
  }
  if (parts !== 4) return null;
  if (over) return undefined;
  return padded ? v.split('.').map(Number).join('.') : v;
}

/**
 * How a list of each variable type stores and looks up values, so `$customer_email in @deny_emails`
 * matches whatever case the event or the analyst used. Returns undefined for a value that cannot be
 * an entry of this type (the CLI refuses it; a lookup then uses the trimmed text, which no entry has).
 */
export function normaliserFor(type: VariableType): (value: string) => string | undefined {
  switch (type) {
    case 'EMAIL_ADDRESS': return (v) => { const t = v.trim().toLowerCase(); return t.includes('@') ? t : undefined; };
    case 'IP_ADDRESS': return canonicalIp;
    case 'CARD_BIN': return (v) => { const t = v.trim(); return /^\d{6,8}$/.test(t) ? t : undefined; };
    case 'PHONE_NUMBER': case 'BILLING_PHONE': case 'SHIPPING_PHONE':
      return (v) => { const t = v.replace(/[\s().-]/g, ''); return /^\+?\d{4,20}$/.test(t) ? t : undefined; };
    default: return (v) => { const t = v.trim(); return t === '' ? undefined : t; };
  }
}

/**
 * The lookup form of a value: the list type's canonical text, else the value trimmed. It remembers
 * its last answer: the rules of a detector test one event's value against a list several times in a row.
 */
export const lookupNormaliser = (type: VariableType) => {
  const n = normaliserFor(type);
  let lastIn: string | undefined;
  let lastOut = '';
  return (value: string): string => {
    if (value !== lastIn) { lastIn = value; lastOut = n(value) ?? value.trim(); }
    return lastOut;
  };
};
