import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Fails (never skips) when Debian's Chromium is missing, naming the install command. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: the dashboard browser test needs Debian's Chromium (apt-get install -y chromium)`);
}

/**
 * Headless Chromium with no network side channels and a fresh profile. Playwright owns --user-data-dir
 * (it refuses the flag in args), so the fresh profile folder is passed through launchPersistentContext.
 */
export async function launchChromium(options: { locale: string; timezoneId: string }): Promise<BrowserContext> {
  requireChromium();
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
