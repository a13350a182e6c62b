import type { BrowserContext, Page } from 'playwright-core';
import { WITHHELD } from '../../src/review/view.js';
import { launchChromium } from '../../../rpt/test/support/chromium.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lakeLabels, seedCases, startReview, type Running } from './support.js';

const now = new Date();
let run: Running;
let context: BrowserContext;
let store: Awaited<ReturnType<typeof seedCases>>['store'];
// As after `npm start` (TOPICS=memory): decisions' labels applied by the label function's code, into this lake.
const lakeRoot = mkdtempSync(join(tmpdir(), 'review-lake-'));

beforeAll(async () => {
  ({ store } = await seedCases(10_000, now));
  run = await startReview(store, undefined, undefined, lakeRoot);
  context = await launchChromium({ locale: 'en-GB', timezoneId: 'UTC' });
}, 120_000);
afterAll(async () => {
  await context?.close();
  await run?.close();
});

/** A page that records every request leaving for anywhere but the review server. */
async function open(token?: string): Promise<{ page: Page; foreign: string[] }> {
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(run.url)) foreign.push(r.url()); });
  await page.goto(token ? `${run.url}/#token=${token}` : `${run.url}/`);
  return { page, foreign };
}

describe('Review page in Chromium', () => {
  it('loads the queue of 10,000 cases in under a second, oldest first, with the queue numbers in the header', async () => {
    const started = Date.now();
    const { page, foreign } = await open(run.tokens.ana);
    await page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    const firstScreen = Date.now() - started;
    await page.waitForFunction(() => (globalThis as { queueLoaded?: boolean }).queueLoaded === true);
    const all = Date.now() - started;
    // The page's own clock, from the start of its navigation: the load a reviewer waits for
    const [readyMs, loadedMs] = await page.evaluate(() => [(globalThis as any).queueReadyMs, (globalThis as any).queueLoadedMs] as number[]);
    process.stdout.write(`review page, 10,000 cases: first screen ${Math.round(readyMs!)} ms, whole queue ${Math.round(loadedMs!)} ms after navigation (test's wall clock incl. opening the tab: ${firstScreen} / ${all} ms)\n`);
    expect(readyMs).toBeLessThan(1000);
    expect(loadedMs).toBeLessThan(2000); // all 10,000 in the background while the first screen is usable; generous on the shared machine
    expect(all).toBeLessThan(5000); // generous: a tab's start on the shared 2-core test machine
    expect(await page.locator('#count').textContent()).toBe('10,000 cases');
    expect(await page.locator('.row').first().getAttribute('data-case-id')).toBe('case-09999');
    expect(await page.locator('.row').count()).toBeLessThan(100); // virtualised
    expect(await page.locator('#s-open').textContent()).toBe('10,000');
    // case i was created i minutes before the seeding: those over 24 h when the page asks are 1440..9999
    expect(await page.locator('#s-overage').textContent()).toBe((10_000 - 1440).toLocaleString('en-GB'));
    expect(await page.locator('#s-oldest').textContent()).toBe('6.9 d');
    expect(await page.locator('#me').textContent()).toBe('ana (analyst)');
    expect(page.url()).toBe(`${run.url}/`); // the token left the address bar
    expect(foreign).toEqual([]);
  });

  it('decides a case with the keyboard alone, the label emitted once; escalates one with a note', async () => {
    const { page } = await open(run.tokens.sam);
    await page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    const kb = page.keyboard;
    // Third oldest case: j j, open, fraud with a note, confirm
    await kb.press('j');
    await kb.press('ArrowDown');
    await kb.press('Enter');
    await page.locator('#case-title').filter({ hasText: 'case-09997' }).waitFor();
    await kb.press('n');
    await kb.type('customer confirmed the card was stolen');
    await kb.press('Escape');
    await kb.press('f');
    expect(await page.locator('#confirm').textContent()).toContain('Confirm fraud');
    await kb.press('Enter');
    await page.locator('#status').filter({ hasText: 'case-09997: fraud, label applied: in the lake' }).waitFor();
    // In the lake, as the label function keeps it (what the dashboard and train:fraud read)
    expect(lakeLabels(lakeRoot)).toEqual([{ event_id: 'case-09997', entity_id: expect.any(String), label: 'fraud', label_time: expect.any(String), source: 'analyst' }]);
    expect((await store.get('case-09997'))!.decision).toMatchObject({ label: 'fraud', analyst: 'sam', note: 'customer confirmed the card was stolen', action: 'fraud' });
    expect(await page.locator('.row.closed[data-case-id="case-09997"]').textContent()).toContain('fraud');
    expect(await page.locator('.row.sel').getAttribute('data-case-id')).toBe('case-09996');
    // The decided case says its label was applied, and where
    await kb.press('k');
    await kb.press('Enter');
    await page.locator('#label-status').filter({ hasText: `Label applied: in the lake, ${join(lakeRoot, 'lake', 'labels')}/dt=<label day>/ (` }).waitFor();
    expect(await page.locator('#decided').textContent()).toContain('Closed: fraud (fraud) by sam');
    expect(await page.locator('.actions').count()).toBe(0);
    await kb.press('j');
    // Esc cancels: nothing decided
    await kb.press('Enter');
    await page.locator('#case-title').filter({ hasText: 'case-09996' }).waitFor();
    await kb.press('a');
    await kb.press('Escape');
    expect((await store.get('case-09996'))!.decision).toBeUndefined();
    // Escalate without a note is refused on the page; with one it is kept and the case stays open
    await kb.press('e');
    expect(await page.locator('#status').textContent()).toContain('needs a note');
    await kb.type('to the card team');
    await kb.press('Escape');
    await kb.press('e');
    await kb.press('Enter');
    await page.locator('.escalation').filter({ hasText: 'to the card team' }).waitFor();
    expect((await store.get('case-09996'))!.escalations).toEqual([expect.objectContaining({ analyst: 'sam', note: 'to the card team' })]);
    expect(run.labels()).toHaveLength(1);
    // Filters from the keyboard: '/' focuses the status, Tab the outcome, arrows choose block (any, review, block), applied at once
    await kb.press('/');
    await kb.press('Tab');
    await kb.press('ArrowDown');
    await kb.press('ArrowDown');
    await page.locator('#count').filter({ hasText: /^2,000 cases$/ }).waitFor();
    expect(await page.locator('.row').first().getAttribute('data-case-id')).toBe('case-09995');
    // Enter on the filter form's Apply puts the focus back on the queue
    await kb.press('Escape');
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('queue');
    // Focus is visible where it is
    const outline = await page.evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.getElementById('queue')).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('shows an analyst the case with personal data withheld', async () => {
    const { page } = await open(run.tokens.ana);
    await page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    await page.keyboard.press('Enter');
    await page.locator('#case-title').filter({ hasText: 'case-09999' }).waitFor();
    const text = (await page.locator('#detail').textContent())!;
    expect(text).toContain(WITHHELD);
    expect(await page.locator('#withheld-note').textContent()).toContain('email_address_masked');
    const c = (await store.get('case-09999'))!.case!;
    for (const v of [c.transaction.email_address_masked, c.transaction.customer_name_masked, c.transaction.billing_city, c.transaction.user_agent]) expect(text).not.toContain(v);
    // senior sees the case's masked forms
    const senior = await open(run.tokens.sam);
    await senior.page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    await senior.page.keyboard.press('Enter');
    await senior.page.locator('#case-title').filter({ hasText: 'case-09999' }).waitFor();
    expect(await senior.page.locator('#detail').textContent()).toContain(c.transaction.email_address_masked);
  });

  it('refuses a browser without a valid token: no cases shown', async () => {
    const { page } = await open('not-a-valid-token-at-all');
    await page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    expect(await page.locator('#status').textContent()).toContain('Refused');
    expect(await page.locator('.row').count()).toBe(0);
    const plain = await open();
    await plain.page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    expect(await plain.page.locator('#status').textContent()).toContain('Not signed in');
    expect(await plain.page.locator('.row').count()).toBe(0);
  });
});
