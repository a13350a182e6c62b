import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { OcrEngine } from '../../src/ocr/OcrEngine.js';
import { renderPage } from '../../src/ocr/renderPage.js';
import { PDFJS_DATA, pdfjs } from '../../src/pdf/loadPdfjs.js';
import { readPageTextItems } from '../../src/pdf/readPageText.js';
import { HONEST_FROM, lineSimilarity, LYING_BELOW, pickSampleLines, sampleCrop, type FontedItem } from '../../src/pdf/textLayerCheck.js';
import { printHtmlToPdf } from '../../src/local/documents/chromiumPdf.js';
import { remapChar, SAMPLE_FONTS, typedPage } from '../fixtures/hostile.js';

const LINES = ['PERSONAL LOAN APPLICATION', 'Borrower Name: Chiamaka Adeyemi', 'Social Security Number: 536-22-8674',
  'Home phone (415) 555-0132, born 04/17/1982', 'The borrower agrees to repay the loan in monthly installments.'];

describe('Function: lineSimilarity', () => {
  it('ignores case, spaces and punctuation and measures edit distance', () => {
    expect(lineSimilarity('John Smith, 536-22-8674', 'JOHN SMITH 536 22 8674')).toBe(1);
    expect(lineSimilarity('Borrower Name', 'Borrawer Name')).toBeCloseTo(11 / 12);
    expect(lineSimilarity('Kupp Vnatw', 'John Smith')).toBeLessThan(0.2);
    expect(lineSimilarity('', '')).toBe(1);
  });
});

describe('Function: pickSampleLines', () => {
  const item = (str: string, y: number, fontName = 'f1'): FontedItem => ({ str, transform: [11, 0, 0, 11, 50, y], width: str.length * 6, height: 11, fontName });
  it('picks Latin lines with unconfirmed (font, character) pairs, most new first, and none once all are confirmed', () => {
    const items = [item('Loan', 700), item('Name: Ann Lee 123', 680), item('王小明 先生 借款人 申请', 660), item('Ann Lee', 640)];
    const first = pickSampleLines(items, new Set());
    expect(first.map((l) => l.text)).toEqual(['Name: Ann Lee 123']);
    const verified = new Set(first.flatMap((l) => l.keys));
    expect(pickSampleLines(items, verified)).toEqual([]);
    // the same characters in another font are not confirmed by the first font
    expect(pickSampleLines([item('Name: Ann Lee 123', 680, 'f2')], verified)).toHaveLength(1);
  });
});

/**
 * The thresholds' calibration: every line of a generated application page, typed in seven fonts at
 * 8, 11 and 14 pt and printed by Chromium in three styles, rendered as the reader renders it and OCR'd line by line; each reading is
 * compared with the true text (an honest text layer) and with the same text through the remapping
 * substitution (a lying one). Honest lines must reach HONEST_FROM, lying ones stay under LYING_BELOW.
 */
describe('Calibration: OCR of a line against an honest and a lying text layer', () => {
  let engine: OcrEngine;
  beforeAll(async () => { engine = await OcrEngine.create(1); });
  afterAll(async () => { await engine.terminate(); });

  it('separates honest from lying lines in every font and size', async () => {
    const honest: number[] = [];
    const lying: number[] = [];
    const files: Uint8Array[] = [];
    for (const font of SAMPLE_FONTS) for (const size of [8, 11, 14]) files.push(await typedPage(LINES, font, size));
    // Chromium's print to PDF: subset TrueType fonts, lines 1.15 em apart (crops must not catch the neighbours)
    const html = (style: string) => `<html><body style="${style}">${LINES.map((l) => `<p style="margin:0">${l}</p>`).join('')}<p>${LINES.join(' ')}</p></body></html>`;
    for (const style of ['font:9pt sans-serif', 'font:11pt serif', 'font:bold 10pt monospace']) files.push(new Uint8Array(printHtmlToPdf(html(style))));
    for (const data of files) {
      {
        const doc: PDFDocumentProxy = await pdfjs.getDocument({ data, ...PDFJS_DATA, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
        const page = await doc.getPage(1);
        const lines = pickSampleLines(await readPageTextItems(page, 10_000) as FontedItem[], new Set(), 99);
        const rendered = await renderPage(doc, page, 200, 12_000_000);
        for (const line of lines) {
          const r = await engine.recognize(sampleCrop(rendered, line.rect), { straighten: false });
          honest.push(lineSimilarity(line.text, r.text));
          lying.push(lineSimilarity([...line.text].map(remapChar).join(''), r.text));
        }
        await doc.destroy();
      }
    }
    process.stdout.write(`honest lines ${honest.length}: min ${Math.min(...honest).toFixed(2)}; lying: max ${Math.max(...lying).toFixed(2)}\n`);
    // lines whose characters an earlier line of the page confirmed are not picked: at least three a page
    expect(honest.length).toBeGreaterThanOrEqual(files.length * 3);
    expect(Math.min(...honest)).toBeGreaterThanOrEqual(HONEST_FROM);
    expect(Math.max(...lying)).toBeLessThan(LYING_BELOW);
  }, 300_000);
});
