import { maskTail } from '../logger/mask.js';
import { nearKeyword, type CustomIdentifier } from './customIdentifiers.js';

// 13-19 digits, single spaces or dashes between them (how card numbers are typed). Every such run
// is masked, Luhn-valid or not: over-masking an order number costs little, a stored PAN a PCI finding.
const PAN = /(?<!\d)\d(?:[ -]?\d){12,18}(?![\d])/g;
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}/g;

/** Card numbers in free text, masked to their last four digits (what PCI DSS allows to show). */
export const maskPans = (text: string): string => text.replace(PAN, (m) => maskTail(m.replace(/\D/g, ''), 4));

export interface TextScrubber {
  /** null: leave the value (an allowed value); otherwise what replaces it. */
  replace(kind: string, value: string): string | null;
  custom: readonly CustomIdentifier[];
}

/** Free text with card numbers masked, and e-mails and custom identifiers replaced as `s` says. */
export function scrubText(text: string, s: TextScrubber): string {
  let out = maskPans(text);
  for (const id of s.custom) {
    out = out.replace(id.pattern, (m: string, ...rest: unknown[]) => {
      const offset = rest.find((x) => typeof x === 'number') as number;
      const src = rest.find((x) => typeof x === 'string') as string;
      if (id.ignoreWords.some((w) => w.toLowerCase() === m.toLowerCase())) return m;
      if (!nearKeyword(src, offset, offset + m.length, id)) return m;
      return s.replace(id.name, m) ?? m;
    });
  }
  return out.replace(EMAIL, (m) => s.replace('email', m) ?? m);
}
