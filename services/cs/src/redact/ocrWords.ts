import type { PdfWord } from '../reader/protocol.js';
import type { Box } from './rewriteText.js';

/**
 * Boxes of the OCR'd words that make up `value` on a page, or null when the words do not hold it.
 * OCR text is the words joined by spaces and newlines, so a value is a run of whole words except at
 * its ends (`Number:536-22-8674` read as one word): the first word must end with the value's first
 * token, the last begin with its last, those between be equal. Every run that matches is returned,
 * each word's whole box (its punctuation goes too).
 */
export function wordBoxes(words: readonly PdfWord[], value: string): Box[] | null {
  const tokens = value.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const boxes: Box[] = [];
  for (let i = 0; i + tokens.length <= words.length; i += 1) {
    const run = words.slice(i, i + tokens.length);
    const ok = tokens.length === 1
      ? run[0]!.text.includes(tokens[0]!)
      : run.every((w, k) => (k === 0 ? w.text.endsWith(tokens[k]!) : k === tokens.length - 1 ? w.text.startsWith(tokens[k]!) : w.text === tokens[k]));
    if (ok) for (const w of run) boxes.push({ x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 });
  }
  return boxes.length > 0 ? boxes : null;
}
