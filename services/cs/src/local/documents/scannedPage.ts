import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';

export interface ScanOptions {
  /** Resolution of the scan (the picture's pixels per inch). */
  dpi?: number;
  /** Rotation of the paper on the glass, in degrees. */
  skewDegrees?: number;
  /** Share of pixels flipped to black or white (dust, toner). */
  speckle?: number;
  jpegQuality?: number;
  fontPt?: number;
}

let fontFamily: string | null = null;
/** Liberation Sans from pdfjs-dist's standard fonts: the same glyphs on every machine, no system font needed. */
function scanFont(): string {
  if (!fontFamily) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts');
    GlobalFonts.registerFromPath(join(dir, 'LiberationSans-Regular.ttf'), 'ScanSans');
    fontFamily = 'ScanSans';
  }
  return fontFamily;
}

/** A random generator with a fixed seed, so generated scans are the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 4294967296);
}

/** A letter-size page of typed text as a scanner would deliver it: a greyscale JPEG, optionally skewed and speckled. */
export async function scanImage(text: string, options: ScanOptions = {}, seed = 1): Promise<Uint8Array> {
  const { dpi = 300, skewDegrees = 0, speckle = 0.002, jpegQuality = 80, fontPt = 11 } = options;
  const width = Math.round(8.5 * dpi);
  const height = Math.round(11 * dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f7f7f4';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate((skewDegrees * Math.PI) / 180);
  ctx.translate(-width / 2, -height / 2);
  ctx.fillStyle = '#1b1b1b';
  ctx.font = `${(fontPt / 72) * dpi}px ${scanFont()}`;
  const line = ((fontPt * 1.35) / 72) * dpi;
  text.split('\n').forEach((row, i) => ctx.fillText(row, 0.75 * dpi, 0.9 * dpi + i * line));
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const rnd = seeded(seed);
  const pixels = ctx.getImageData(0, 0, width, height);
  for (let n = Math.round(width * height * speckle); n > 0; n -= 1) {
    const i = Math.floor(rnd() * width * height) * 4;
    const v = rnd() < 0.5 ? 30 : 250;
    pixels.data[i] = v; pixels.data[i + 1] = v; pixels.data[i + 2] = v;
  }
  ctx.putImageData(pixels, 0, 0);
  return canvas.encode('jpeg', jpegQuality);
}

/** A PDF of scanned pages only (no text layer), one page per entry of `pages`. */
export async function writeScannedPdf(pages: string[], options: ScanOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const [i, text] of pages.entries()) {
    const jpg = await doc.embedJpg(await scanImage(text, options, i + 1));
    doc.addPage([612, 792]).drawImage(jpg, { x: 0, y: 0, width: 612, height: 792 });
  }
  return doc.save();
}
