import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type FraudLabel } from '@sfc/shared';
import { resendPending, RESEND_AFTER_MS } from '../../src/cases/decide.js';
import { Tokens } from '../../src/review/accounts.js';
import { QueueIndex } from '../../src/review/queue.js';
import { reviewServer } from '../../src/review/server.js';
import { parseAccounts } from '../../src/review/accounts.js';
import { WITHHELD } from '../../src/review/view.js';
import { seedCases, startReview, type Running } from './support.js';

const now = new Date();
let run: Running;
let store: Awaited<ReturnType<typeof seedCases>>['store'];

beforeAll(async () => {
  ({ store } = await seedCases(300, now));
  run = await startReview(store);
});
afterAll(() => run.close());

const call = async (path: string, o: { user?: string; token?: string; method?: string; body?: unknown; type?: string } = {}) => {
  const headers: Record<string, string> = {};
  const token = o.token ?? (o.user ? run.tokens[o.user] : undefined);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (o.body !== undefined) headers['Content-Type'] = o.type ?? 'application/json';
  const res = await fetch(`${run.url}${path}`, { method: o.method ?? (o.body !== undefined ? 'POST' : 'GET'), headers, ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}) });
  return { status: res.status, body: await res.json().catch(() => undefined) as any, headers: res.headers };
};

describe('Review page API', () => {
  it('refuses every API request without a valid token (and serves the page, which holds no data)', async () => {
    expect((await call('/api/queue')).status).toBe(401);
    expect((await call('/api/queue', { token: 'x'.repeat(32) })).status).toBe(401);
    expect((await call('/api/cases/case-00001')).status).toBe(401);
    const post = await call('/api/cases/case-00001/decision', { body: { action: 'fraud' } });
    expect([post.status, post.headers.get('www-authenticate')]).toEqual([401, 'Bearer']);
    expect((await store.get('case-00001'))!.decision).toBeUndefined();
    const page = await fetch(`${run.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await page.text()).not.toMatch(/case-0|https?:\/\/(?!127)/);
    expect((await call('/api/me', { user: 'ana' })).body).toEqual({ name: 'ana', role: 'analyst' });
  });

  it('refuses a request naming another host (DNS rebinding) and a decision that is not JSON (a cross-site form)', async () => {
    const port = new URL(run.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/api/me', headers: { Host: `evil.example:${port}`, Authorization: `Bearer ${run.tokens.sam}` } }, (res) => { res.resume(); resolve(res.statusCode!); }).on('error', reject).end();
    });
    expect(status).toBe(421);
    expect((await call('/api/cases/case-00002/decision', { user: 'sam', body: 'action=fraud', type: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await store.get('case-00002'))!.decision).toBeUndefined();
  });

  it('lists open cases oldest first, in pages, with server-side filters by outcome, amount, age and rule', async () => {
    const first = await call('/api/queue?limit=100', { user: 'ana' });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(300);
    expect(first.body.items.map((c: any) => c.case_id).slice(0, 3)).toEqual(['case-00299', 'case-00298', 'case-00297']);
    const second = await call('/api/queue?limit=100&offset=100', { user: 'ana' });
    expect(second.body.items[0].case_id).toBe('case-00199');
    const blocks = await call('/api/queue?outcome=block&limit=5000', { user: 'ana' });
    expect(blocks.body.total).toBe(60);
    expect(blocks.body.items.every((c: any) => c.outcome === 'block')).toBe(true);
    const amounts = await call('/api/queue?min_amount=100&max_amount=109.5&limit=5000', { user: 'ana' });
    expect(amounts.body.items.map((c: any) => c.amount).sort((a: number, b: number) => a - b)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109]);
    // case i was created i minutes ago: between 1 and 2 hours old are cases 60..120 (give or take the seconds the test took)
    const aged = await call('/api/queue?min_age_h=1&max_age_h=2&limit=5000', { user: 'ana' });
    expect(aged.body.total).toBeGreaterThanOrEqual(59);
    expect(aged.body.total).toBeLessThanOrEqual(61);
    expect(aged.body.items.every((c: any) => { const n = Number(c.case_id.slice(5)); return n >= 59 && n <= 121; })).toBe(true);
    const rule = await call('/api/queue?rule=velocity&limit=5000', { user: 'ana' });
    expect(rule.body.total).toBe(100);
    expect(rule.body.rules).toEqual(['high_score', 'velocity']);
    const bad = await call('/api/queue?min_amount=lots', { user: 'ana' });
    expect([bad.status, bad.body.error]).toEqual([400, 'min_amount="lots": a number of at least 0']);
    expect((await call('/api/queue?limit=5001', { user: 'ana' })).status).toBe(400);
  });

  it('withholds personal data from the analyst role and shows the case\'s forms to senior; never a raw value', async () => {
    const asAnalyst = (await call('/api/cases/case-00003', { user: 'ana' })).body;
    const asSenior = (await call('/api/cases/case-00003', { user: 'sam' })).body;
    const personal = ['customer_name_masked', 'email_address_masked', 'phone_masked', 'ip_address_masked', 'customer_name_token', 'email_address_token', 'billing_street_token', 'billing_city', 'billing_zip', 'billing_latitude', 'user_agent', 'customer_job'];
    for (const f of personal) expect([f, asAnalyst.transaction[f]]).toEqual([f, WITHHELD]);
    expect(asAnalyst.withheld).toEqual(expect.arrayContaining(personal));
    expect(asAnalyst.transaction).toMatchObject({ transaction_amt: asSenior.transaction.transaction_amt, fd: asSenior.transaction.fd });
    expect(asSenior.withheld).toEqual([]);
    expect(asSenior.transaction.email_address_masked).toMatch(/\*/);
    const raw = (await store.get('case-00003'))!.case!;
    const analystText = JSON.stringify(asAnalyst);
    for (const f of personal) if (typeof raw.transaction[f as keyof typeof raw.transaction] === 'string') expect(analystText).not.toContain(raw.transaction[f as keyof typeof raw.transaction] as string);
    // The roles are only these two
    expect(() => parseAccounts('eve:admin')).toThrow('role one of analyst, senior');
  });

  it('a decision emits exactly one label, closes the case with who and when; a second decision is refused', async () => {
    const done = await call('/api/cases/case-00010/decision', { user: 'ana', body: { action: 'fraud', note: 'cardholder denies it' } });
    expect(done.status).toBe(200);
    expect(done.body.decision).toMatchObject({ case_id: 'case-00010', label: 'fraud', action: 'fraud', analyst: 'ana', note: 'cardholder denies it', source: 'analyst' });
    expect(run.labels()).toEqual([expect.objectContaining({ event_id: 'case-00010', entity_id: 'cust-10', label: 'fraud' })]);
    const again = await call('/api/cases/case-00010/decision', { user: 'sam', body: { action: 'legit' } });
    expect([again.status, again.body.decision.analyst]).toEqual([409, 'ana']);
    expect(run.labels()).toHaveLength(1);
    const stored = (await store.get('case-00010'))!;
    expect(stored.decision).toMatchObject({ label: 'fraud', analyst: 'ana' });
    expect(stored.labelSentAt).toBeDefined();
    expect(done.body.label_status).toBe('on the labels topic fraud_labels (the label function applies it)');
    expect((await call('/api/cases/case-00010', { user: 'ana' })).body.label_status).toBe(`on the labels topic fraud_labels (the label function applies it) (${stored.labelSentAt})`);
    const approved = await call('/api/cases/case-00011/decision', { user: 'sam', body: { action: 'approve' } });
    expect(approved.body.decision).toMatchObject({ label: 'legit', action: 'approve', analyst: 'sam' });
    const queue = await call('/api/queue?status=closed&limit=10', { user: 'ana' });
    expect(queue.body.items.map((c: any) => `${c.case_id}:${c.decision}`)).toEqual(['case-00011:legit', 'case-00010:fraud']);
    expect((await call('/api/queue?limit=0', { user: 'ana' })).body.stats).toMatchObject({ open: 298, fraudShare: 0.5, decidedPerDay: [{ day: now.toISOString().slice(0, 10), decided: 2, fraud: 1 }] });
    expect((await call('/api/cases/nope/decision', { user: 'ana', body: { action: 'fraud' } })).status).toBe(404);
    const badAction = await call('/api/cases/case-00012/decision', { user: 'ana', body: { action: 'delete' } });
    expect([badAction.status, badAction.body.error]).toEqual([400, expect.stringContaining('action:')]);
  });

  it('escalate keeps the case open, flagged, with the note; it needs a note', async () => {
    const noNote = await call('/api/cases/case-00020/decision', { user: 'ana', body: { action: 'escalate' } });
    expect([noNote.status, noNote.body.error]).toEqual([400, 'note: an escalation needs a note (why, and to whom)']);
    const done = await call('/api/cases/case-00020/decision', { user: 'ana', body: { action: 'escalate', note: 'to the card team' } });
    expect(done.status).toBe(200);
    const view = (await call('/api/cases/case-00020', { user: 'sam' })).body;
    expect([view.decision, view.escalations.map((e: any) => `${e.analyst}:${e.note}`)]).toEqual([null, ['ana:to the card team']]);
    expect((await call('/api/queue?escalated=true', { user: 'ana' })).body.items.map((c: any) => c.case_id)).toEqual(['case-00020']);
    expect(run.labels().map((l) => l.event_id)).not.toContain('case-00020');
  });
});

describe('Review page API: a label that cannot go out', () => {
  it('records the decision, says the label is pending, and the refresh\'s retry sends it', async () => {
    const { store: s2 } = await seedCases(3, now);
    const index = new QueueIndex(s2, 24);
    await index.refresh();
    const tokens = new Tokens(parseAccounts('ana:analyst'));
    const sent: FraudLabel[] = [];
    let down = true;
    const sink = { where: 'topic fraud_labels', done: 'on the labels topic', send: async (l: FraudLabel[]) => { if (down) throw new Error('broker down'); sent.push(...l); } };
    const server = reviewServer({ store: s2, sink, index, tokens, logger: createLogger('t', { level: 'silent' }) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const headers = { Authorization: `Bearer ${tokens.issued[0]!.token}`, 'Content-Type': 'application/json' };
      const res = await fetch(`${url}/api/cases/case-00001/decision`, { method: 'POST', headers, body: JSON.stringify({ action: 'fraud' }) });
      const body = await res.json() as any;
      expect([res.status, body.decision.label, body.label_status]).toEqual([200, 'fraud', 'pending: label not sent to topic fraud_labels: broker down; retried at the next refresh']);
      expect(((await (await fetch(`${url}/api/cases/case-00001`, { headers })).json()) as any).label_status).toBe('pending: not sent yet, retried at the next refresh');
      expect(index.pendingLabels()).toEqual(['case-00001']);
      await index.refresh();
      expect(index.pendingLabels()).toEqual(['case-00001']);
      down = false;
      // What npm run review's refresh does for each pending label (after RESEND_AFTER_MS, as decide's resend)
      expect(await resendPending(s2, sink, 'case-00001', new Date(Date.now() + RESEND_AFTER_MS))).toEqual({ sent: true });
      await index.refresh();
      expect([index.pendingLabels(), sent.map((l) => `${l.event_id}:${l.label}`)]).toEqual([[], ['case-00001:fraud']]);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
