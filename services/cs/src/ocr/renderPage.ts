import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { rgbaToGray, type GrayImage } from './grayImage.js';

/** A rendered page and the scale (pixels per PDF point) it was rendered at. */
export interface RenderedPage {
  image: GrayImage;
  scale: number;
  /** Maps a rectangle in PDF user space to pixels of `image`. */
  toPixels(r: { x0: number; y0: number; x1: number; y1: number }): { left: number; top: number; width: number; height: number };
  /** Maps a box in pixels of `image` back to PDF user space. */
  toUser(p: { left: number; top: number; width: number; height: number }): { x0: number; y0: number; x1: number; y1: number };
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: { width: number; height: number }; context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
  destroy(c: unknown): void;
}

/**
 * Renders `page` with pdf.js onto an @napi-rs/canvas bitmap at `dpi`, lowered so the bitmap never has
 * more than `maxPixels` pixels (a poster-sized page is read at a lower resolution instead of
 * allocating gigabytes), and returns it in grey.
 */
export async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number, maxPixels: number): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  const pixels = base.width * scale * base.height * scale;
  if (pixels > maxPixels) scale *= Math.sqrt(maxPixels / pixels);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const target = factory.create(width, height);
  try {
    await page.render({ canvasContext: target.context as never, canvas: target.canvas as never, viewport, background: 'white' }).promise;
    const image = rgbaToGray(target.context.getImageData(0, 0, width, height).data, width, height);
    return {
      image,
      scale,
      toPixels: (r) => {
        const [x0, y0, x1, y1] = viewport.convertToViewportRectangle([r.x0, r.y0, r.x1, r.y1]);
        return { left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
      },
      toUser: (p) => {
        const [ax, ay] = viewport.convertToPdfPoint(p.left, p.top) as [number, number];
        const [bx, by] = viewport.convertToPdfPoint(p.left + p.width, p.top + p.height) as [number, number];
        return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
      },
    };
  } finally {
    factory.destroy(target);
  }
}
