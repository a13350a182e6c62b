import { loadCsConfig } from '../../src/config.js';
import { scanSettings } from '../../src/deps.js';
import { OcrEngine } from '../../src/ocr/OcrEngine.js';
import { readDocument } from '../../src/reader/readDocument.js';
import { piiPdf } from '../fixtures/documents.js';
import * as rich from '../fixtures/richDocuments.js';

// readDocument in this process (the reader process runs the same function): limits on text and attachments.
const { limits, ocr } = scanSettings(loadCsConfig({ OCR_WORKERS: '1' }));
const noOcr = () => Promise.reject(new Error('no OCR in this test')) as Promise<OcrEngine>;
// these files are typed text only; with OCR on, their text layers would be checked by OCR of sampled lines
const textOnly = { ...ocr, enabled: false };

describe('Function: readDocument', () => {
  it('reads page text, attachments and their names as parts with their place', async () => {
    const result = await readDocument(await rich.withAttachments('pdf'), limits, textOnly, noOcr);
    expect(result.issues).toEqual([]);
    expect(result.parts.map((p) => [p.kind, p.page, p.attachment])).toEqual(expect.arrayContaining([
      ['text', 1, null], ['metadata', null, '1'], ['text', 1, '1'], ['metadata', null, '1/1'], ['text', 2, '1/1'],
    ]));
    expect(result.stats).toMatchObject({ attachments: 2, pages: 4 });
  });

  it.each([
    ['MAX_TEXT_CHARS', { maxTextChars: 50 }, 'too_much_text', /more than 50 characters/],
    ['MAX_ATTACHMENTS', { maxAttachments: 1 }, 'too_many_attachments', /more than 1 attached files/],
    ['MAX_ATTACHMENT_DEPTH', { maxAttachmentDepth: 1 }, 'too_many_attachments', /nested more than 1 deep/],
  ] as const)('stops at %s', async (_name, limit, reason, detail) => {
    const result = await readDocument(await rich.withAttachments('pdf'), { ...limits, ...limit }, textOnly, noOcr);
    expect(result.issues).toEqual([{ reason, detail: expect.stringMatching(detail) }]);
  });

  it('fails with OcrUnavailableError, not a document reason, when tesseract cannot start', async () => {
    await expect(readDocument(await rich.scan(150), limits, ocr, noOcr)).rejects.toThrow(/OCR unavailable: no OCR in this test/);
  });

  it('reports an encrypted attachment as encrypted and reads the rest', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const { encryptedPdf } = await import('../fixtures/documents.js');
    const doc = await PDFDocument.load(await piiPdf());
    await doc.attach(await encryptedPdf(), 'locked.pdf', { mimeType: 'application/pdf' });
    const result = await readDocument(await doc.save(), limits, textOnly, noOcr);
    expect(result.issues).toEqual([{ reason: 'encrypted', detail: 'attachment 1: password protected' }]);
    expect(result.parts.some((p) => p.kind === 'text' && p.attachment === null)).toBe(true);
  });
});
