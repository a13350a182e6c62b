import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Browser tests run when Debian's Chromium is installed (.ci/needs-rpt.sh); RPT_REQUIRE_BROWSER=1 makes its absence fail. */
export const hasChromium = existsSync(CHROMIUM) || process.env.RPT_REQUIRE_BROWSER === '1';

/**
 * Headless Chromium with no network side channels and a fresh profile. Playwright owns --user-data-dir
 * (it refuses the flag in args), so the fresh profile folder is passed through launchPersistentContext.
 */
export async function launchChromium(options: { locale: string; timezoneId: string }): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'rpt-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale,
    timezoneId: options.timezoneId,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
