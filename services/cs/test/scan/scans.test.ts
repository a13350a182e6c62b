import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps } from '../fixtures/deps.js';
import * as hostile from '../fixtures/hostile.js';
import * as rich from '../fixtures/richDocuments.js';

const KEY = 'loans/scan.pdf';

async function scan(bytes: Uint8Array, overrides = {}) {
  const { fs, deps } = await makeDeps(overrides);
  await fs.put('uploads', KEY, bytes);
  const outcome = await scanDocument(deps, { bucket: 'uploads', key: KEY });
  if (outcome.status !== 'routed') throw new Error(`not routed: ${outcome.status}`);
  return outcome.finding;
}

describe('Function: scanDocument (OCR)', () => {
  it.each([
    ['a 300 dpi scan', () => rich.scan(300)],
    ['a 150 dpi scan', () => rich.scan(150)],
    ['a scan skewed by 4 degrees', () => rich.scan(200, 4)],
    ['a page whose font has no character map (garbage text layer)', rich.garbageFont],
    ['a typed caption above a scanned picture', rich.captionAndScan],
    ['an attached photo of a typed page', () => rich.withAttachments('image')],
  ] as const)('reads the personal data in %s', async (_name, make) => {
    const finding = await scan(await make());
    expect(finding.verdict).toBe('pii');
    const ocr = finding.entities.filter((e) => e.source === 'ocr');
    expect(ocr.map((e) => e.type)).toEqual(expect.arrayContaining(['PERSON', 'US_SSN']));
    expect(finding.read.ocr_confidence).toBeGreaterThanOrEqual(60);
  }, 120_000);

  it('files a scan without personal data as clean', async () => {
    const finding = await scan(await rich.scan(200, 0, rich.CLEAN_SCAN_TEXT));
    expect(finding).toMatchObject({ verdict: 'clean', read: { ocr_pages: 1, text_pages: 0 } });
  }, 120_000);

  it('counts a blank scanned sheet as read', async () => {
    const finding = await scan(await rich.textThenBlankScan());
    expect(finding).toMatchObject({ verdict: 'clean', issues: [], read: { ocr_pages: 1, text_pages: 1 } });
  }, 120_000);

  it('quarantines a scan OCR cannot read with confidence (unreadable)', async () => {
    const finding = await scan(await hostile.scribbleScan());
    expect(finding.verdict).toBe('quarantine');
    expect(finding.quarantine_reason).toBe('unreadable');
    expect(finding.quarantine_detail).toMatch(/page 1: OCR confidence \d+ < 60/);
  }, 120_000);

  it('quarantines scanned pages as no_text_layer when OCR is off', async () => {
    const finding = await scan(await rich.scan(150), { ocr: { enabled: false } });
    expect(finding).toMatchObject({ verdict: 'quarantine', quarantine_reason: 'no_text_layer' });
  }, 120_000);
});
