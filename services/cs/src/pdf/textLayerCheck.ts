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
 * (test/pdf/textLayerCheck.test.ts): 84 honest lines in seven fonts at 8, 11 and 14 pt read 0.97-1.0, lines
 * of a remapping font 0.00-0.04; between the two thresholds a line proves nothing either way.
 */
export const HONEST_FROM = 0.8;
export const LYING_BELOW = 0.5;
/** Lines compared per page at most: OCR of a line crop costs tens of milliseconds, of a page seconds. */
export const MAX_SAMPLE_LINES = 4;
/** A line needs this many letters or digits to be compared (shorter ones say too little). */
const MIN_LINE_CHARS = 6;
/** Share of a line's letters that must be Latin script: the OCR model is English, so other scripts cannot be judged. */
const MIN_LATIN_SHARE = 0.8;

const alnum = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The page's text items grouped into lines (a baseline moving by more than half the font height
 * starts a new line), each with its box in PDF user space and the (font, character) pairs it holds.
 */
function linesOf(items: readonly FontedItem[]): SampleLine[] {
  const lines: (SampleLine & { y: number; h: number })[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.str.trim()) continue;
    const [, , , , x = 0, y = 0] = item.transform ?? [];
    const h = item.height || 10;
    const w = item.width ?? 0;
    let line = lines[lines.length - 1];
    if (!line || Math.abs(y - line.y) > line.h / 2) {
      line = { rect: { x0: x, y0: y - h * 0.3, x1: x + w, y1: y + h }, text: '', keys: [], y, h };
      lines.push(line);
    }
    line.rect = { x0: Math.min(line.rect.x0, x), y0: Math.min(line.rect.y0, y - h * 0.3), x1: Math.max(line.rect.x1, x + w), y1: Math.max(line.rect.y1, y + h) };
    line.text += `${item.str} `;
    for (const ch of new Set(alnum(item.str))) line.keys.push(`${item.fontName ?? ''}\u0000${ch}`);
  }
  return lines.map(({ rect, text, keys }) => ({ rect, text: text.trim(), keys: [...new Set(keys)] }));
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
