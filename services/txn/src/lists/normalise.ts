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
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) {
    const octets = v.split('.').map(Number);
    return octets.every((o) => o <= 255) ? octets.join('.') : undefined;
  }
  if (isIPv4(v)) return v;
  // WHATWG URL serialises an IPv6 host in RFC 5952 form; node:net has no formatter of its own.
  if (isIPv6(v)) return new URL(`http://[${v}]/`).hostname.slice(1, -1);
  return undefined;
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
