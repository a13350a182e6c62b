import type { BrowserContext, Page } from 'playwright-core';
import { createLogger } from '@sfc/shared';
import type { ReviewHandlerDeps } from '../../src/handlers/review.js';
import { QueueIndex } from '../../src/review/queue.js';
import { WITHHELD } from '../../src/review/view.js';
import { launchChromium } from '../../../rpt/test/support/chromium.js';
import { labelsTopic } from '../cases/support.js';
import { startHostedUi, startPageHost, type HostedUi } from './hostedUi.js';
import { seedCases } from './support.js';

const now = new Date();
let context: BrowserContext;
let ui: HostedUi;
let host: Awaited<ReturnType<typeof startPageHost>>;
let pageUrl: string;
let deps: ReviewHandlerDeps;
let store: Awaited<ReturnType<typeof seedCases>>['store'];
let topic: ReturnType<typeof labelsTopic>;

beforeAll(async () => {
  ({ store } = await seedCases(30, now));
  topic = labelsTopic();
  deps = { store, sink: topic.sink, index: new QueueIndex(store, 24), logger: createLogger('t', { level: 'silent' }), origin: '', refreshMs: 0 };
  host = await startPageHost(() => deps, () => ui);
  pageUrl = await host.listen();
  deps.origin = pageUrl;
  ui = await startHostedUi(() => `${pageUrl}/`, { ana: ['analyst'], sam: ['analyst', 'senior'], eve: [] }, () => pageUrl);
  context = await launchChromium({ locale: 'en-GB', timezoneId: 'UTC' });
}, 120_000);
afterAll(async () => {
  await context?.close();
  await host?.close();
  await ui?.close();
});

/** Opens the page in a fresh tab, signs in on the hosted UI's form as `user`, and waits for the queue. */
async function signIn(user: string): Promise<{ page: Page; foreign: string[] }> {
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(pageUrl) && !r.url().startsWith(ui.url)) foreign.push(r.url()); });
  await page.goto(`${pageUrl}/`);
  await page.waitForURL((u) => u.toString().startsWith(`${ui.url}/oauth2/authorize`));
  await page.locator('#username').fill(user);
  await page.locator('#login').click();
  await page.waitForURL(`${pageUrl}/`);
  await page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
  return { page, foreign };
}

describe('Review page in Chromium, signed in through the Cognito hosted UI (code + PKCE)', () => {
  it('an analyst signs in with the code flow and PKCE S256, no secret, and sees the case with personal data withheld', async () => {
    const requestsBefore = ui.tokenRequests.length;
    const { page, foreign } = await signIn('ana');
    expect(await page.locator('#me').textContent()).toBe('ana (analyst)');
    expect(page.url()).toBe(`${pageUrl}/`); // the code and state left the address bar
    // One token request: the code with its verifier, no client secret
    const [form] = ui.tokenRequests.slice(requestsBefore);
    expect(ui.tokenRequests.length - requestsBefore).toBe(1);
    expect(Object.keys(form!).sort()).toEqual(['client_id', 'code', 'code_verifier', 'grant_type', 'redirect_uri']);
    expect(form!.code_verifier).toMatch(/^[\w-]{43}$/);
    // The ID token for this tab only: sessionStorage, nothing in localStorage, the verifier gone
    const stored = await page.evaluate(() => ({ session: { ...(globalThis as any).sessionStorage }, local: (globalThis as any).localStorage.length }));
    expect(Object.keys(stored.session)).toEqual(['review-token']);
    expect(stored.local).toBe(0);
    expect(ui.claimsOf(stored.session['review-token'])).toMatchObject({ 'cognito:username': 'ana' });
    expect(await page.locator('#count').textContent()).toBe('30 cases');
    await page.keyboard.press('Enter');
    await page.locator('#case-title').filter({ hasText: 'case-00029' }).waitFor();
    const text = (await page.locator('#detail').textContent())!;
    expect(text).toContain(WITHHELD);
    const c = (await store.get('case-00029'))!.case!;
    for (const v of [c.transaction.email_address_masked, c.transaction.customer_name_masked, c.transaction.billing_city]) expect(text).not.toContain(v);
    expect(foreign).toEqual([]);
    // Every API call carried the token the authorizer stand-in accepted
    expect(host.apiCalls.filter((a) => a.status === 401)).toEqual([]);
  });

  it('a senior decides a case with the keyboard; the decision names the Cognito user and the label is emitted once', async () => {
    const { page } = await signIn('sam');
    expect(await page.locator('#me').textContent()).toBe('sam (senior)');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.locator('#case-title').filter({ hasText: 'case-00028' }).waitFor();
    expect(await page.locator('#detail').textContent()).toContain((await store.get('case-00028'))!.case!.transaction.email_address_masked);
    await page.keyboard.press('f');
    await page.keyboard.press('Enter');
    await page.locator('#status').filter({ hasText: 'case-00028: fraud' }).waitFor();
    expect((await store.get('case-00028'))!.decision).toMatchObject({ label: 'fraud', analyst: 'sam', action: 'fraud' });
    expect(topic.labels()).toEqual([expect.objectContaining({ event_id: 'case-00028', label: 'fraud' })]);
  });

  it('refuses an unauthorised request: no token or an unknown one 401 at the authorizer, a user in no group 403, a forged state no sign-in', async () => {
    const page = await context.newPage();
    // A code with a state this tab did not send (a sign-in started elsewhere): no token taken
    await page.goto(`${pageUrl}/`);
    await page.waitForURL((u) => u.toString().startsWith(ui.url));
    await page.goto(`${pageUrl}/?code=stolen-code&state=not-this-tabs`);
    await page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    expect(await page.locator('#status').textContent()).toContain('state does not match');
    expect(page.url()).toBe(`${pageUrl}/`);
    expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem('review-token'))).toBeNull();
    // No token, and a made-up one: the authorizer stand-in answers 401 before the handler runs
    const calls = host.apiCalls.length;
    const statuses = await page.evaluate(async (base) => Promise.all([
      fetch(`${base}/api/queue`).then((r) => r.status),
      fetch(`${base}/api/queue`, { headers: { Authorization: 'made-up' } }).then((r) => r.status),
    ]), pageUrl);
    expect(statuses).toEqual([401, 401]);
    expect(host.apiCalls.slice(calls).map((a) => a.status)).toEqual([401, 401]);
    // A stale token in the tab: refused, no cases, a way to sign in again
    await page.evaluate(() => (globalThis as any).sessionStorage.setItem('review-token', 'expired-or-forged'));
    await page.reload();
    await page.waitForFunction(() => (globalThis as { queueReady?: boolean }).queueReady === true);
    expect(await page.locator('#status').textContent()).toContain('Refused: your sign-in has expired');
    expect(await page.locator('#signin').isVisible()).toBe(true);
    expect(await page.locator('.row').count()).toBe(0);
    // Signed in, but in neither group: the handler's 403
    const eve = await signIn('eve');
    expect(await eve.page.locator('#status').textContent()).toContain('Refused: your account is in neither the analyst nor the senior group');
    expect(await eve.page.locator('.row').count()).toBe(0);
  });
});
