/** A text as the recognizers see it, and the way back to offsets in the text it came from. */
export interface NormalizedText {
  text: string;
  /** Maps [start, end) in `text` to [start, end) in the original. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

// Dashes NFKC leaves alone (or turns into U+2010): hyphen, non-breaking hyphen, figure/en/em dash,
// horizontal bar, minus sign, small and full-width hyphen-minus.
const DASHES = /[\u2010-\u2015\u2043\u2212\uFE58\uFE63\uFF0D]/g;
// Spaces NFKC does not fold (U+2028/2029 are line breaks; kept as newlines so context windows still see lines).
const LINE_BREAKS = /[\u2028\u2029\u0085]/g;
// Invisible characters used to break a number or a word apart: soft hyphen, zero-width space/joiners,
// word joiner, byte-order mark. They are dropped.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;
// Anything outside printable ASCII and the usual whitespace needs the slow path.
const NEEDS_WORK = /[^\t\n\r\x20-\x7E]/;
const MARK = /^\p{M}$/u;

/**
 * NFKC plus dash, space and invisible-character folding, so full-width digits (５３６－２２－８６７４),
 * non-breaking hyphens (536‑22‑8674), no-break and thin spaces, and zero-width characters read like
 * ASCII to the recognizers. Each output character remembers the original characters it came from
 * (a base character with its combining marks is normalised as one cluster), so results map back
 * to the original text. Plain ASCII is returned as is.
 */
export function normalizeText(original: string): NormalizedText {
  if (!NEEDS_WORK.test(original)) return { text: original, toOriginal: (start, end) => ({ start, end }) };
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length; ) {
    // a cluster: one code point plus the combining marks after it (NFKC composes within it)
    let j = i + (original.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < original.length && original.charCodeAt(j) >= 0x300 && MARK.test(String.fromCodePoint(original.codePointAt(j)!))) {
      j += original.codePointAt(j)! > 0xffff ? 2 : 1;
    }
    const cluster = original.slice(i, j);
    const out = j - i === 1 && !NEEDS_WORK.test(cluster) ? cluster : fold(cluster);
    for (let k = 0; k < out.length; k += 1) {
      from.push(i);
      to.push(j);
    }
    parts.push(out);
    i = j;
  }
  const text = parts.join('');
  return {
    text,
    toOriginal(start, end) {
      if (start >= text.length) return { start: original.length, end: original.length };
      return { start: from[start]!, end: end > start ? to[end - 1]! : from[start]! };
    },
  };
}

function fold(cluster: string): string {
  return cluster.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(LINE_BREAKS, '\n').replace(/[^\S\n\r\t]/g, ' ');
}
