import { PDFJS_DATA, pdfjs } from '../pdf/loadPdfjs.js';
import type { Box } from './rewriteText.js';

/** A page rendered as a picture with boxes painted black, and its size in points. */
export interface RasterPage { jpeg: Uint8Array; width: number; height: number }

interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/jpeg', quality: number): Buffer;
}
interface CanvasFactory {
  create(w: number, h: number): { canvas: NodeCanvas; context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void } };
  destroy(c: unknown): void;
}

/**
 * JPEG, as scans are: pdf-lib embeds it as it is (a PNG it decodes and deflates again, 0.4 s a page),
 * and a noisy scan's PNG is four times the original. Lossy only for what was never painted over.
 */
const JPEG_QUALITY = 85;
/** Padding (pixels) around each OCR word box: tesseract's boxes hug the ink; anti-aliased edges lie just outside. */
const PAD = 3;

/**
 * Renders each page of `pages` (1-based -> boxes in user space) with pdf.js at `dpi` (lowered so a
 * page stays under `maxPixels`) and paints the boxes black on the bitmap before it is encoded, so the
 * picture holds no pixel of what they cover. The page replaces the original one whole: its text layer,
 * if it had one, goes with it.
 */
export async function rasterPages(bytes: Uint8Array, pages: ReadonlyMap<number, readonly Box[]>, dpi: number, maxPixels: number): Promise<Map<number, RasterPage>> {
  const out = new Map<number, RasterPage>();
  if (pages.size === 0) return out;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, isOffscreenCanvasSupported: false }).promise;
  try {
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    for (const [n, boxes] of pages) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      let scale = dpi / 72;
      const pixels = base.width * scale * base.height * scale;
      if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
      const viewport = page.getViewport({ scale });
      const target = factory.create(Math.max(1, Math.floor(viewport.width)), Math.max(1, Math.floor(viewport.height)));
      try {
        await page.render({ canvasContext: target.context as never, canvas: target.canvas as never, viewport, background: 'white' }).promise;
        target.context.fillStyle = '#000000';
        for (const b of boxes) {
          const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([b.x0, b.y0, b.x1, b.y1]) as [number, number, number, number];
          const left = Math.floor(Math.min(x0, x1)) - PAD;
          const top = Math.floor(Math.min(y0, y1)) - PAD;
          target.context.fillRect(left, top, Math.ceil(Math.abs(x1 - x0)) + 2 * PAD, Math.ceil(Math.abs(y1 - y0)) + 2 * PAD);
        }
        out.set(n, { jpeg: new Uint8Array(target.canvas.toBuffer('image/jpeg', JPEG_QUALITY)), width: base.width, height: base.height });
      } finally {
        factory.destroy(target);
        page.cleanup();
      }
    }
  } finally {
    await doc.destroy();
  }
  return out;
}
