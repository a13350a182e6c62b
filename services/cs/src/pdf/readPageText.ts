import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { ReadIssueError } from '../reader/ReadIssueError.js';
import type { TextItemLike } from './pageText.js';

/**
 * The page's text items, streamed from pdf.js and counted as they come: a page with more than
 * `maxItems` (hostile files carry tens of thousands of one-glyph items per page) stops with
 * `too_many_text_items` before pdf.js has built them all.
 */
export async function readPageTextItems(page: PDFPageProxy, maxItems: number): Promise<TextItemLike[]> {
  const items: TextItemLike[] = [];
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: TextItemLike[] }>;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return items;
    for (const item of value.items) items.push(item);
    if (items.length > maxItems) {
      await reader.cancel(new Error('too many text items')).catch(() => undefined);
      throw new ReadIssueError('too_many_text_items', `page ${page.pageNumber} has more than ${maxItems} text items`);
    }
  }
}

/** Characters of text items whose origin lies inside `r` (PDF user space). */
export function charsInside(items: readonly TextItemLike[], r: { x0: number; y0: number; x1: number; y1: number }): number {
  let n = 0;
  for (const item of items) {
    const [, , , , x = 0, y = 0] = item.transform ?? [];
    if (typeof item.str === 'string' && x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1) n += item.str.trim().length;
  }
  return n;
}
