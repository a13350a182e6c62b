import { truncate } from 'node:fs/promises';
import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps, storeWith } from '../fixtures/deps.js';
import * as hostile from '../fixtures/hostile.js';
import * as rich from '../fixtures/richDocuments.js';

const KEY = 'loans/hostile.pdf';

/** Scans `bytes` and returns the finding; every case here must end routed, never thrown. */
async function scan(bytes: Uint8Array, overrides = {}) {
  const { fs, deps, logs } = await makeDeps(overrides);
  await fs.put('uploads', KEY, bytes);
  const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
  if (outcome.status !== 'routed') throw new Error(`not routed: ${outcome.status}`);
  return { finding: outcome.finding, fs, logs };
}

describe('Function: scanDocument (hostile files end in quarantine, never a crash)', () => {
  it.each([
    ['JavaScript run when the document opens', () => rich.withActiveContent('open'), 'active_content', /JavaScript/],
    ['JavaScript on a page trigger', () => rich.withActiveContent('page'), 'active_content', /JavaScript/],
    ['a link that launches a program', () => rich.withActiveContent('launch'), 'active_content', /Launch/],
    ['an attached executable', rich.withExecutable, 'active_content', /executable/],
    ['an attached Office document', rich.withZipAttachment, 'unsupported_attachment', /attachment 1: ZIP/],
    ['a 4 GiB compression bomb in 11 KB', () => hostile.compressionBomb(4096), 'compression_bomb', /more than 134217728 bytes/],
    ['40 pages of 60,000 text items each', () => hostile.densePages(40, 60_000), 'too_many_text_items', /page 1 has more than 20000/],
    ['2,000 pages', () => hostile.manyPages(2000), 'too_many_pages', /2000 pages > 200/],
    ['an image of 20,000 x 20,000 pixels', () => hostile.hugeImage(), 'too_many_pixels', /more than 60000000 pixels/],
  ] as const)('quarantines %s', async (_name, make, reason, detail) => {
    // Prepare / Act: the default limits, except MAX_PDF_PAGES of the service (200)
    const { finding, fs } = await scan(await make(), { limits: { maxPages: 200 } });
    // Assess
    expect(finding.verdict).toBe('quarantine');
    expect(finding.quarantine_reason).toBe(reason);
    expect(finding.quarantine_detail).toMatch(detail);
    expect(await fs.head('quarantine', KEY)).not.toBeNull();
    expect(await fs.head('uploads', KEY)).toBeNull();
  }, 120_000);

  it('quarantines a document with active content even when it has PII, listing both', async () => {
    const doc = await rich.filledForm();
    const withScript = await (async () => {
      const { PDFDocument } = await import('pdf-lib');
      const { addOpenActionScript } = await import('../../src/local/documents/pdfParts.js');
      const d = await PDFDocument.load(doc);
      addOpenActionScript(d, 'app.alert(1)');
      return d.save();
    })();
    const { finding } = await scan(withScript);
    expect(finding.verdict).toBe('quarantine');
    expect(finding.quarantine_reason).toBe('active_content');
    expect(finding.counts.US_SSN).toBe(1);
  });

  it('quarantines a 300 MB upload from its HEAD, without downloading it', async () => {
    // Prepare: a sparse 300 MB file; a store that fails any download
    const { fs, deps } = await makeDeps({ maxPdfBytes: 25 * 1024 * 1024 }, (s) => storeWith(s, {
      get: async (b, k, o) => { if (b === 'uploads') throw new Error('downloaded'); return s.get(b, k, o); },
    }));
    await fs.put('uploads', KEY, new Uint8Array(0));
    await truncate(fs.pathOf('uploads', KEY), 300 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    // Act
    const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
    // Assess
    if (outcome.status !== 'routed') throw new Error(outcome.status);
    expect(outcome.finding).toMatchObject({ verdict: 'quarantine', quarantine_reason: 'too_large', sha256: null, bytes: 300 * 1024 * 1024 });
    expect((await fs.stat('quarantine', KEY))?.size).toBe(300 * 1024 * 1024);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 << 20);
  }, 120_000);

  it('quarantines a document the reader runs out of memory on (memory_limit), then reads the next one', async () => {
    // Prepare: a reader process allowed 150 MB, about what pdf.js and tesseract need at rest
    const { DocumentReader } = await import('../../src/reader/DocumentReader.js');
    const reader = new DocumentReader({ memoryMb: 150, pollMs: 20 });
    const { fs, deps } = await makeDeps();
    deps.reader = reader;
    await fs.put('uploads', 'loans/a.pdf', await rich.scan(300));
    // Act
    const first = await scanDocument(deps, { bucket: 'uploads', key: 'loans/a.pdf' });
    deps.reader = new DocumentReader({ memoryMb: 1024 });
    await fs.put('uploads', 'loans/b.pdf', await rich.filledForm());
    const second = await scanDocument(deps, { bucket: 'uploads', key: 'loans/b.pdf' });
    // Assess
    expect(first.status === 'routed' && first.finding.quarantine_reason).toBe('memory_limit');
    expect(second.status === 'routed' && second.finding.verdict).toBe('pii');
    reader.close();
  }, 120_000);

  it('quarantines a document that outlasts its deadline (time_limit) and keeps the next one working', async () => {
    const { fs, deps } = await makeDeps();
    await fs.put('uploads', 'loans/slow.pdf', await rich.scan(300));
    await fs.put('uploads', 'loans/next.pdf', await rich.filledForm());
    const slow = await scanDocument(deps, { bucket: 'uploads', key: 'loans/slow.pdf' }, { deadline: Date.now() + 300 });
    const next = await scanDocument(deps, { bucket: 'uploads', key: 'loans/next.pdf' });
    expect(slow.status === 'routed' && slow.finding.quarantine_reason).toBe('time_limit');
    expect(next.status === 'routed' && next.finding.verdict).toBe('pii');
  }, 120_000);
});
