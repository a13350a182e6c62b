import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium, which `npm test` installs (the rpt dashboard test drives it too); null when absent. */
export const chromiumPath = (): string | null => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync) ?? null;

/**
 * Prints HTML to PDF with headless Chromium: embedded subset TrueType fonts with ToUnicode maps, the
 * way browsers and office tools write PDFs. Throws when Chromium is not installed.
 */
export function printHtmlToPdf(html: string): Uint8Array {
  const chromium = chromiumPath();
  if (!chromium) throw new Error('Chromium not found (/usr/bin/chromium): apt-get install -y chromium');
  const dir = mkdtempSync(join(tmpdir(), 'cs-chromium-'));
  try {
    writeFileSync(join(dir, 'doc.html'), html);
    execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${join(dir, 'doc.pdf')}`, `file://${join(dir, 'doc.html')}`], { stdio: 'ignore', timeout: 120_000 });
    return readFileSync(join(dir, 'doc.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
