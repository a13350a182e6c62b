import { z } from 'zod';
import { PII_KINDS } from './normalise.js';

/**
 * A deployment's own kind of identifier in free text, as Macie's custom data identifiers: a regular
 * expression, optional keywords of which one must end at most `maxDistance` characters before the
 * match ends (Macie's maximumMatchDistance, default 50), and ignore words that are never matches.
 */
export const CustomIdentifierSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _ (it becomes the token kind)')
    .refine((n) => !(PII_KINDS as readonly string[]).includes(n), 'is a built-in kind'),
  regex: z.string().min(1).max(512).refine((r) => { try { new RegExp(r, 'u'); return true; } catch { return false; } }, 'not a valid regular expression'),
  keywords: z.array(z.string().min(1).max(90)).max(50).default([]),
  ignoreWords: z.array(z.string().min(1).max(90)).max(50).default([]),
  maxDistance: z.number().int().min(1).max(300).default(50),
});

export type CustomIdentifierSpec = z.infer<typeof CustomIdentifierSchema>;

export interface CustomIdentifier extends CustomIdentifierSpec {
  pattern: RegExp;
}

export const compileCustomIdentifier = (spec: CustomIdentifierSpec): CustomIdentifier => ({ ...spec, pattern: new RegExp(spec.regex, 'gu') });

/** Whether a keyword ends within `maxDistance` characters before the match's end (always, without keywords). */
export function nearKeyword(text: string, start: number, end: number, id: CustomIdentifierSpec): boolean {
  if (id.keywords.length === 0) return true;
  const before = text.slice(0, start).toLowerCase();
  return id.keywords.some((k) => {
    const at = before.lastIndexOf(k.toLowerCase());
    return at >= 0 && end - (at + k.length) <= id.maxDistance;
  });
}
