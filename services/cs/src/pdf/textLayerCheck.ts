import { crop, withMargin, type GrayImage } from '../ocr/grayImage.js';
import type { RenderedPage } from '../ocr/renderPage.js';
import type { Rect } from './pageContent.js';
import type { TextItemLike } from './pageText.js';

/** A text item and the pdf.js font it is drawn in (`g_d0_f1`: one name per font of the document). */
export type FontedItem = TextItemLike & { fontName?: string };

/** One line of the text layer to compare with OCR of the same place on the rendered page. */
export interface SampleLine {
  rect: Rect;
  /** What the text layer says is there. */
  text: string;
  /** The (font, character) pairs this line would verify. */
  keys: string[];
}

/**
 * A sampled line whose OCR reads at least this alike (letters and digits, edit distance) confirms its
 * font's characters; under LYING_BELOW it contradicts the text layer. Chosen on generated pages
 * (test/pdf/textLayerCheck.test.ts): 94 honest lines in seven fonts at 8, 11 and 14 pt and three
 * Chromium print styles read 0.97-1.0, the same lines under a remapping font 0.00-0.05; between the
 * two thresholds a line proves nothing either way.
 */
export const HONEST_FROM = 0.8;
export const LYING_BELOW = 0.5;
/** Lines compared per page at most: OCR of a line crop costs about 0.1-0.3 s, of a dense page seconds. */
export const MAX_SAMPLE_LINES = 4;
/** A line needs this many letters or digits to be compared (shorter ones say too little). */
const MIN_LINE_CHARS = 6;
/** Share of a line's letters that must be Latin script: the OCR model is English, so other scripts cannot be judged. */
const MIN_LATIN_SHARE = 0.8;

const alnum = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Letters and digits of one sampled line at most: a longer line costs more OCR and proves no more. */
const MAX_SAMPLE_CHARS = 40;

/**
 * The page's text items grouped into lines (a baseline moving by more than half the font height
 * starts a new line), each cut to its first MAX_SAMPLE_CHARS letters and digits (at a word end; the
 * cut inside an item is placed in proportion to its width), with a box tight around its glyphs
 * (descender to ascender, so neighbouring lines stay out of the crop) and the (font, character) pairs it holds.
 */
function linesOf(items: readonly FontedItem[]): SampleLine[] {
  const lines: { y: number; h: number; parts: { x: number; w: number; str: string; font: string }[] }[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.str.trim()) continue;
    const [, , , , x = 0, y = 0] = item.transform ?? [];
    const h = item.height || 10;
    let line = lines[lines.length - 1];
    if (!line || Math.abs(y - line.y) > line.h / 2) {
      line = { y, h, parts: [] };
      lines.push(line);
    }
    line.parts.push({ x, w: item.width ?? 0, str: item.str, font: item.fontName ?? '' });
  }
  return lines.map(({ y, h, parts }) => {
    let text = '';
    const keys = new Set<string>();
    let x0 = Infinity;
    let x1 = -Infinity;
    let count = 0;
    for (const part of parts) {
      if (count >= MAX_SAMPLE_CHARS) break;
      let str = part.str;
      const n = alnum(str).length;
      if (count + n > MAX_SAMPLE_CHARS) {
        // cut at the first word end past the budget
        let seen = 0;
        let cut = str.length;
        for (let i = 0; i < str.length; i += 1) {
          if (/[\p{L}\p{N}]/u.test(str[i]!)) seen += 1;
          if (count + seen >= MAX_SAMPLE_CHARS && !/[\p{L}\p{N}]/u.test(str[i + 1] ?? ' ')) { cut = i + 1; break; }
        }
        str = str.slice(0, cut);
      }
      const w = part.str.length > 0 ? part.w * (str.length / part.str.length) : 0;
      x0 = Math.min(x0, part.x);
      x1 = Math.max(x1, part.x + w);
      text += `${str} `;
      count += alnum(str).length;
      for (const ch of alnum(str)) keys.add(`${part.font}\u0000${ch}`);
    }
    return { rect: { x0, y0: y - h * 0.25, x1, y1: y + h * 0.85 }, text: text.trim(), keys: [...keys] };
  });
}

/**
 * Lines worth comparing with OCR: Latin-script lines of at least six letters or digits, chosen
 * greedily by how many (font, character) pairs not yet `verified` in this document they hold. A
 * remapping font lies per character, so a character of a font that OCR has confirmed once is
 * trusted on every later page: a long document pays for OCR of a few lines on its first pages,
 * and a page whose characters are all confirmed costs nothing.
 */
export function pickSampleLines(items: readonly FontedItem[], verified: ReadonlySet<string>, max = MAX_SAMPLE_LINES): SampleLine[] {
  const candidates = linesOf(items).filter((l) => {
    const letters = l.text.match(/\p{L}/gu) ?? [];
    const latin = l.text.match(/\p{Script=Latin}/gu) ?? [];
    return alnum(l.text).length >= MIN_LINE_CHARS && (letters.length === 0 || latin.length / letters.length >= MIN_LATIN_SHARE);
  });
  const chosen: SampleLine[] = [];
  const covered = new Set(verified);
  while (chosen.length < max) {
    let best: SampleLine | null = null;
    let bestNew = 0;
    for (const l of candidates) {
      const n = l.keys.filter((k) => !covered.has(k)).length;
      if (n > bestNew) { best = l; bestNew = n; }
    }
    if (!best) break;
    chosen.push(best);
    for (const k of best.keys) covered.add(k);
  }
  return chosen;
}

/** Levenshtein distance of two strings (a line is at most a few hundred characters). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * How alike the text layer's line and OCR's reading of the same place are, 0-1: one minus the edit
 * distance of their letters and digits (case, spaces and punctuation ignored) over the longer one.
 */
export function lineSimilarity(layer: string, ocr: string): number {
  const a = alnum(layer);
  const b = alnum(ocr);
  if (!a && !b) return 1;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/** A sampled line cut from the rendered page (a little room left and right), on a white margin. */
export function sampleCrop(rendered: RenderedPage, r: Rect): GrayImage {
  const pad = (r.y1 - r.y0) * 0.3;
  const line = crop(rendered.image, rendered.toPixels({ x0: r.x0 - pad, y0: r.y0, x1: r.x1 + pad, y1: r.y1 }));
  return withMargin(line, Math.max(4, Math.round(line.height * 0.5)));
}
