/** The fields of a pdfjs TextItem this module reads. */
export interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * Joins a page's text items into lines. Items carry positions, not spaces: a new line starts when
 * the baseline moves by more than half the font height, and a space is inserted when an item starts
 * visibly to the right of where the previous one ended.
 */
export function pageText(items: TextItemLike[]): string {
  let out = '';
  let prev: { x: number; y: number; h: number } | null = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const [, , , , x = 0, y = 0] = item.transform ?? [];
    const h = item.height || 10;
    if (prev && !out.endsWith('\n')) {
      if (Math.abs(y - prev.y) > prev.h / 2) out += '\n';
      else if (x - prev.x > h * 0.15 && !out.endsWith(' ') && !item.str.startsWith(' ')) out += ' ';
    }
    out += item.str;
    if (item.hasEOL) out += '\n';
    prev = { x: x + (item.width ?? 0), y, h };
  }
  return out.trimEnd();
}
