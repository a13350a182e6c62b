import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const FONT_SIZE = 9;
const LINE = 11;
const MARGIN = 36;
const WRAP = 100;

/** A text PDF, one PDF page per entry of `pages` (more if an entry overflows), in Courier so column layouts survive. */
export async function writeTextPdf(pages: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  const charset = new Set(font.getCharacterSet());
  for (const text of pages) {
    let page = doc.addPage([612, 792]);
    let y = 792 - MARGIN;
    for (const line of wrap(text)) {
      if (y < MARGIN) {
        // a long page continues on another sheet rather than losing lines
        page = doc.addPage([612, 792]);
        y = 792 - MARGIN;
      }
      if (line.trim()) page.drawText(encodable(line, charset), { x: MARGIN, y, size: FONT_SIZE, font });
      y -= LINE;
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** A PDF whose pages carry only a picture (a scan without OCR): no text layer at all. */
export async function writeImageOnlyPdf(pageCount = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(grayPng(120, 160));
  for (let i = 0; i < pageCount; i += 1) doc.addPage([612, 792]).drawImage(png, { x: 36, y: 36, width: 540, height: 720 });
  return doc.save();
}

function wrap(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const out: string[] = [];
    let rest = line;
    while (rest.length > WRAP) {
      const cut = rest.lastIndexOf(' ', WRAP) > 20 ? rest.lastIndexOf(' ', WRAP) : WRAP;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut).trimStart();
    }
    out.push(rest);
    return out;
  });
}

// The standard fonts only encode WinAnsi; other letters fall back to their unaccented form.
const FALLBACK: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ħ: 'h' };

function encodable(line: string, charset: Set<number>): string {
  return [...line].map((ch) => {
    if (charset.has(ch.codePointAt(0)!)) return ch;
    const base = FALLBACK[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return base && [...base].every((c) => charset.has(c.codePointAt(0)!)) ? base : '?';
  }).join('');
}

/** A grey-noise PNG built with zlib: enough to be a real raster image inside the PDF. */
function grayPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 13) % 256;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k += 1) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
