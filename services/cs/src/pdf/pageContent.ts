import { pdfjs } from './loadPdfjs.js';

/** An axis-aligned rectangle in PDF user space (points, origin bottom left). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a page paints besides text: where its images are, and how many filled shapes it draws. */
export interface PageContent {
  images: Rect[];
  /** Filled paths: thousands of them on a page without text usually are text converted to outlines. */
  filledPaths: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const { OPS } = pdfjs;
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

const multiply = (m: Matrix, n: readonly number[]): Matrix => [
  n[0]! * m[0] + n[1]! * m[2], n[0]! * m[1] + n[1]! * m[3],
  n[2]! * m[0] + n[3]! * m[2], n[2]! * m[1] + n[3]! * m[3],
  n[4]! * m[0] + n[5]! * m[2] + m[4], n[4]! * m[1] + n[5]! * m[3] + m[5],
];

/** The unit square an image is painted into, mapped by `m`, as a bounding box. */
function unitSquare(m: Matrix): Rect {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * Follows the current transformation matrix through a page's operator list (save/restore,
 * transforms, form XObjects, transparency groups, annotation appearances) and records the box of
 * every painted image, clipped to the page's view box.
 */
export function analyzeOperators(ops: { fnArray: number[]; argsArray: unknown[] }, view: readonly number[]): PageContent {
  const out: PageContent = { images: [], filledPaths: 0 };
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const add = (m: Matrix) => {
    const r = unitSquare(m);
    const clipped = { x0: Math.max(r.x0, view[0]!), y0: Math.max(r.y0, view[1]!), x1: Math.min(r.x1, view[2]!), y1: Math.min(r.y1, view[3]!) };
    if (clipped.x1 > clipped.x0 && clipped.y1 > clipped.y0) out.images.push(clipped);
  };
  for (let i = 0; i < ops.fnArray.length; i += 1) {
    const fn = ops.fnArray[i]!;
    const args = (ops.argsArray[i] ?? []) as any[];
    switch (fn) {
      case OPS.save: stack.push(ctm); break;
      case OPS.restore: ctm = stack.pop() ?? IDENTITY; break;
      case OPS.transform: ctm = multiply(ctm, args); break;
      case OPS.paintFormXObjectBegin: stack.push(ctm); if (Array.isArray(args[0])) ctm = multiply(ctm, args[0]); break;
      case OPS.paintFormXObjectEnd: case OPS.endGroup: case OPS.endAnnotation: ctm = stack.pop() ?? IDENTITY; break;
      case OPS.beginGroup: stack.push(ctm); if (Array.isArray(args[0]?.matrix)) ctm = multiply(ctm, args[0].matrix); break;
      case OPS.beginAnnotation: stack.push(ctm); ctm = multiply(multiply(IDENTITY, args[2] ?? IDENTITY), args[3] ?? IDENTITY); break;
      case OPS.paintImageXObject: case OPS.paintInlineImageXObject: case OPS.paintImageMaskXObject: case OPS.paintSolidColorImageMask:
        add(ctm); break;
      case OPS.paintImageXObjectRepeat: {
        const [, sx, sy, positions] = args as [unknown, number, number, number[]];
        for (let k = 0; k + 1 < positions.length; k += 2) add(multiply(ctm, [sx, 0, 0, sy, positions[k]!, positions[k + 1]!]));
        break;
      }
      case OPS.paintImageMaskXObjectRepeat: {
        const [, sx, kx, ky, sy, positions] = args as [unknown, number, number, number, number, number[]];
        for (let k = 0; k + 1 < positions.length; k += 2) add(multiply(ctm, [sx, kx, ky, sy, positions[k]!, positions[k + 1]!]));
        break;
      }
      case OPS.paintImageMaskXObjectGroup: for (const img of (args[0] ?? []) as { transform?: number[] }[]) add(multiply(ctm, img.transform ?? IDENTITY)); break;
      case OPS.paintInlineImageXObjectGroup: for (const item of (args[1] ?? []) as { transform?: number[] }[]) add(multiply(ctm, item.transform ?? IDENTITY)); break;
      case OPS.constructPath: if (FILLS.has(args[0])) out.filledPaths += 1; break;
      default: if (FILLS.has(fn)) out.filledPaths += 1;
    }
  }
  return out;
}

export const area = (r: Rect): number => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);

/** Merges overlapping or touching rectangles (grown by `gap` points) until none overlap. */
export function mergeRects(rects: readonly Rect[], gap = 4): Rect[] {
  // thousands of tiny images (JBIG2 symbols, tiled scans) merge into one box: cheaper and the same to OCR
  if (rects.length > 500) {
    return [{ x0: Math.min(...rects.map((r) => r.x0)), y0: Math.min(...rects.map((r) => r.y0)), x1: Math.max(...rects.map((r) => r.x1)), y1: Math.max(...rects.map((r) => r.y1)) }];
  }
  let out = rects.map((r) => ({ ...r }));
  for (let changed = true; changed;) {
    changed = false;
    const next: Rect[] = [];
    for (const r of out) {
      const hit = next.find((n) => r.x0 - gap <= n.x1 && n.x0 - gap <= r.x1 && r.y0 - gap <= n.y1 && n.y0 - gap <= r.y1);
      if (hit) {
        hit.x0 = Math.min(hit.x0, r.x0); hit.y0 = Math.min(hit.y0, r.y0); hit.x1 = Math.max(hit.x1, r.x1); hit.y1 = Math.max(hit.y1, r.y1);
        changed = true;
      } else next.push(r);
    }
    out = next;
  }
  return out;
}
