import { PDFJS_DATA, pdfjs } from '../pdf/loadPdfjs.js';
import type { TextItemLike } from '../pdf/pageText.js';
import type { Box } from './rewriteText.js';

/**
 * Characters pdf.js still extracts from under the redaction boxes of `bytes` (1-based page -> boxes):
 * an independent check of the rewrite, by another parser. Each item's width is shared evenly among
 * its characters (exact for monospaced fonts, close for others); whitespace does not count, since
 * pdf.js reports the advance left where glyphs were removed as a space.
 */
export async function textUnderBoxes(bytes: Uint8Array, boxes: ReadonlyMap<number, readonly Box[]>): Promise<number> {
  if (boxes.size === 0) return 0;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  let found = 0;
  try {
    for (const [n, rects] of boxes) {
      const page = await doc.getPage(n);
      const { items } = (await page.getTextContent()) as { items: TextItemLike[] };
      for (const item of items) {
        const str = item.str ?? '';
        const [a = 1, b = 0, , , x = 0, y = 0] = item.transform ?? [];
        const len = [...str].length;
        const step = len > 0 ? (item.width ?? 0) / len : 0;
        const cos = Math.hypot(a, b) > 0 ? a / Math.hypot(a, b) : 1;
        const sin = Math.hypot(a, b) > 0 ? b / Math.hypot(a, b) : 0;
        [...str].forEach((ch, k) => {
          if (/\s/u.test(ch)) return;
          // the middle of the character, a little above the baseline
          const along = step * (k + 0.5);
          const up = (item.height || 4) * 0.3;
          const cx = x + along * cos - up * sin;
          const cy = y + along * sin + up * cos;
          if (rects.some((r) => cx > r.x0 && cx < r.x1 && cy > r.y0 && cy < r.y1)) found += 1;
        });
      }
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return found;
}
