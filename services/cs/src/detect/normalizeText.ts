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
// Format controls (general category Cf), invisible by design and used to break a number or a word
// apart or to disguise it: soft hyphen, zero-width space/joiners, word joiner, byte-order mark, and the
// bidirectional marks, embeddings, overrides and isolates (U+200E/F, U+202A-202E, U+2066-2069, U+061C).
// They are dropped (a right-to-left override's visual order is read by `visualText`).
const INVISIBLE = /\p{Cf}/gu;
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

// Bidirectional controls: embeddings and overrides push a level that PDF pops; isolates push one that PDI pops.
const RLO = 0x202e;
const PUSH = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const PDF = 0x202c;
const ISOLATE = new Set([0x2066, 0x2067, 0x2068]);
const PDI = 0x2069;
const PARAGRAPH_END = /[\n\r\u001C-\u001E\u0085\u2029]/;

/** True when `text` holds a right-to-left override, so what a person sees differs from what is stored. */
export const hasRightToLeftOverride = (text: string): boolean => text.includes('\u202E');

/**
 * The text in the order a person sees it when it holds right-to-left overrides (U+202E): each
 * override's run (to its PDF, the end of an isolate it sits in, the end of the paragraph, or the end
 * of the text) is reversed, character cluster by cluster, then normalised like `normalizeText`.
 * `loans/\u202EFDP.htimS nhoJ.pdf` is stored reversed but displays `loans/fdp.John Smith.PDF`.
 * Offsets map back to the stored text (a reversed span maps to the stored characters it covers).
 * Only overrides are reordered: right-to-left letters (Hebrew, Arabic) are stored in reading order
 * already, and embeddings only move whole runs; a nested override inside an RLO run is reversed with it.
 */
export function visualText(original: string): NormalizedText {
  const at: number[] = [];
  const parts: string[] = [];
  const take = (from: number, to: number) => {
    for (let k = from; k < to; k += 1) at.push(k);
    parts.push(original.slice(from, to));
  };
  let i = 0;
  while (i < original.length) {
    if (original.charCodeAt(i) !== RLO) {
      take(i, i + 1);
      i += 1;
      continue;
    }
    // the override's run: up to the PDF that closes it, a PDI closing an isolate opened before it, or a paragraph end
    let depth = 0;
    let isolates = 0;
    let j = i + 1;
    for (; j < original.length; j += 1) {
      const c = original.charCodeAt(j);
      if (PARAGRAPH_END.test(original[j]!)) break;
      if (PUSH.has(c)) depth += 1;
      else if (ISOLATE.has(c)) isolates += 1;
      else if (c === PDI) { if (isolates === 0) break; isolates -= 1; }
      else if (c === PDF) { if (depth === 0) { j += 1; break; } depth -= 1; }
    }
    take(i, i + 1);
    const clusters = clustersOf(original, i + 1, j);
    for (const [from, to] of clusters.reverse()) take(from, to);
    i = j;
  }
  const visual = parts.join('');
  const normalized = normalizeText(visual);
  return {
    text: normalized.text,
    toOriginal(start, end) {
      const v = normalized.toOriginal(start, end);
      if (v.start >= at.length) return { start: original.length, end: original.length };
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = v.start; k < Math.max(v.end, v.start + 1) && k < at.length; k += 1) {
        lo = Math.min(lo, at[k]!);
        hi = Math.max(hi, at[k]! + 1);
      }
      return { start: lo, end: v.end > v.start ? hi : lo };
    },
  };
}

/** [from, to) of each code point with the combining marks after it, in `text.slice(start, end)`. */
function clustersOf(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = start; i < end; ) {
    let j = i + (text.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < end && text.charCodeAt(j) >= 0x300 && MARK.test(String.fromCodePoint(text.codePointAt(j)!))) j += text.codePointAt(j)! > 0xffff ? 2 : 1;
    out.push([i, Math.min(j, end)]);
    i = j;
  }
  return out;
}
