import { printHtmlToPdf } from '../../src/local/documents/chromiumPdf.js';
import { scanDocument } from '../../src/scan/scanDocument.js';
import { makeDeps } from '../fixtures/deps.js';

// PDFs as another tool writes them: Chromium's print to PDF (Skia; subset TrueType fonts with
// ToUnicode maps, text in many small runs, a table).
const page = (body: string) => `<html><body style="font:10pt Arial,sans-serif">${body}</body></html>`;

async function scan(bytes: Uint8Array) {
  const { fs, deps } = await makeDeps();
  await fs.put('uploads', 'loans/printed.pdf', bytes);
  const outcome = await scanDocument(deps, { bucket: 'uploads', key: 'loans/printed.pdf' });
  if (outcome.status !== 'routed') throw new Error(outcome.status);
  return outcome.finding;
}

describe('Function: scanDocument (PDFs printed by Chromium)', () => {
  it('reads a printed statement with a table and finds the borrower in it', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>10/${String(i % 28 + 1).padStart(2, '0')}</td><td>POS PURCHASE Harbor Grocery</td><td>${(i * 13.7).toFixed(2)}</td></tr>`).join('');
    const finding = await scan(printHtmlToPdf(page(`<h1>Checking Account Statement</h1><p>Amara Okonkwo-Reyes<br>1450 Mission Street Apt 5, San Francisco, CA 94103<br>Account number 004417923388</p><table>${rows}</table>`)));
    expect(finding).toMatchObject({ verdict: 'pii', issues: [], read: { ocr_pages: 0 } });
    expect(finding.read.text_pages).toBeGreaterThanOrEqual(1);
    expect(finding.entities.map((e) => e.type)).toEqual(expect.arrayContaining(['PERSON', 'BANK_ACCOUNT']));
  }, 120_000);

  it('files a printed rate sheet without personal data as clean', async () => {
    const finding = await scan(printHtmlToPdf(page('<h1>Consumer Loan Rates</h1><p>Rates effective 11/01/2026 and subject to change without notice. Member FDIC.</p><table><tr><td>30-Year Fixed</td><td>6.125%</td></tr><tr><td>Auto New</td><td>5.490%</td></tr></table>')));
    expect(finding).toMatchObject({ verdict: 'clean', issues: [] });
  }, 120_000);
});
