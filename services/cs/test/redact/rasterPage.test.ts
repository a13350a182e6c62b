import { writeScannedPdf } from '../../src/local/documents/scannedPage.js';
import { PDFJS_DATA, pdfjs } from '../../src/pdf/loadPdfjs.js';
import { wordBoxes } from '../../src/redact/ocrWords.js';
import { rasterPages } from '../../src/redact/rasterPage.js';
import { redactPdf } from '../../src/redact/redactPdf.js';
import type { Box } from '../../src/redact/rewriteText.js';
import { SETTINGS, sharedReader } from '../fixtures/deps.js';

const TEXT = 'LOAN APPLICATION\nBorrower Name: Chiamaka Adeyemi\nSocial Security Number: 536-22-8674\nThe borrower agrees to repay the loan.';

/** Grey levels (0-255) of the copy's first page rendered at `dpi`, and a function reading one pixel at a point in user space. */
async function rendered(bytes: Uint8Array, dpi: number) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...PDFJS_DATA, verbosity: 0 }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: unknown; context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } } } }).canvasFactory;
  const w = Math.floor(viewport.width);
  const h = Math.floor(viewport.height);
  const target = factory.create(w, h);
  await page.render({ canvasContext: target.context as never, canvas: target.canvas as never, viewport, background: 'white' }).promise;
  const data = target.context.getImageData(0, 0, w, h).data;
  await doc.destroy();
  return (x: number, y: number): number => {
    const [px, py] = viewport.convertToViewportPoint(x, y) as [number, number];
    const i = (Math.floor(py) * w + Math.floor(px)) * 4;
    return (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
  };
}

describe('Function: rasterPages (scanned pages)', () => {
  it('paints the OCR-read words of each value black on a new picture of the page, so no original pixel under a box remains', async () => {
    // Prepare: the reader's OCR of a scan gives the words and their boxes
    const pdf = await writeScannedPdf([TEXT], { dpi: 200 });
    const read = await sharedReader().read(pdf, SETTINGS.limits, SETTINGS.ocr, Date.now() + 60_000);
    const ocr = read.parts.find((p) => p.kind === 'ocr')!;
    expect(ocr.words?.length).toBeGreaterThan(10);
    const boxes: Box[] = [...(wordBoxes(ocr.words!, 'Chiamaka Adeyemi') ?? []), ...(wordBoxes(ocr.words!, '536-22-8674') ?? [])];
    expect(boxes).toHaveLength(3);
    const before = await rendered(pdf, 100);
    // Act
    const raster = await rasterPages(pdf, new Map([[1, boxes]]), 200, SETTINGS.limits.maxRenderPixels);
    const copy = await redactPdf(pdf, new Map(), raster);
    // Assess: every point inside each box is black; the same points were ink and paper before
    const after = await rendered(copy.bytes, 100);
    for (const b of boxes) {
      const inside: number[] = [];
      const was: number[] = [];
      for (let x = b.x0 + 0.5; x < b.x1; x += 1) {
        for (let y = b.y0 + 0.5; y < b.y1; y += 1) {
          inside.push(after(x, y));
          was.push(before(x, y));
        }
      }
      expect(Math.max(...inside)).toBeLessThan(40);
      expect(Math.min(...was)).toBeLessThan(100); // ink of the value before
      expect(Math.max(...was)).toBeGreaterThan(150); // and paper
    }
    // the words around are still there: the label before the SSN is not painted
    const label = wordBoxes(ocr.words!, 'Security')![0]!;
    expect(after((label.x0 + label.x1) / 2, label.y1 + 1)).toBeGreaterThan(150);
  });

  it('finds a value in the OCR words whole or at the edges of words, and gives null when they do not hold it', () => {
    const words = ['Number:536-22-8674', 'Name:', 'Chiamaka', 'Adeyemi,', 'borrower'].map((text, i) => ({ text, x0: i * 10, y0: 0, x1: i * 10 + 8, y1: 10 }));
    expect(wordBoxes(words, '536-22-8674')).toEqual([{ x0: 0, y0: 0, x1: 8, y1: 10 }]);
    expect(wordBoxes(words, 'Chiamaka Adeyemi')).toEqual([{ x0: 20, y0: 0, x1: 28, y1: 10 }, { x0: 30, y0: 0, x1: 38, y1: 10 }]);
    expect(wordBoxes(words, 'Adeyemi Okafor')).toBeNull();
  });
});
