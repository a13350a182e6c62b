import { CaseDecisionSchema, ReviewCaseSchema, type CaseDecision } from '@sfc/shared';
import { actBatch } from '../../src/pipeline/actBatch.js';
import type { CaseStore } from '../../src/cases/CaseStore.js';
import { decide, RESEND_AFTER_MS } from '../../src/cases/decide.js';
import { actDeps, labelsTopic, records, scored } from './support.js';
import { testPolicy } from '../../../../shared/test/support/pseudonym.js';

/** The behaviour every CaseStore adapter must show, in act and in decisions (run against files and against DynamoDB on moto). */
export function caseStoreContract(fresh: () => Promise<CaseStore>): void {
  const batch = [scored(1, 'approve'), scored(2, 'review'), scored(3, 'block'), scored(4, 'review', { entity: 'cust-2' }), scored(5, 'approve'), scored(6, 'review')];

  it('creates one case per review, exactly once when the same act batch runs twice', async () => {
    const store = await fresh();
    const first = await actBatch(records(batch), actDeps(store));
    const retried = await actBatch(records(batch), actDeps(store));
    expect([first.casesCreated, first.casesExisting]).toEqual([3, 0]);
    expect([retried.casesCreated, retried.casesExisting]).toEqual([0, 3]);
    expect((await store.list({ limit: 100 })).map((c) => c.case_id).sort()).toEqual(['evt-2', 'evt-4', 'evt-6']);
  });

  it('creates each case once across overlapping batches and concurrent invocations, and blocks too with CASES_FOR_BLOCK', async () => {
    const store = await fresh();
    // Each invocation its own container (own lake folder); the case store is the one they share.
    const deps = () => actDeps(store, { forBlock: true });
    // Two overlapping batches (a replay from an earlier offset) and four concurrent copies of the whole batch.
    const results = await Promise.all([
      actBatch(records(batch.slice(0, 4)), deps()), actBatch(records(batch.slice(2), 102), deps()),
      ...Array.from({ length: 4 }, () => actBatch(records(batch), deps())),
    ]);
    expect(results.reduce((n, r) => n + r.casesCreated, 0)).toBe(4);
    expect(results.reduce((n, r) => n + r.casesCreated + r.casesExisting, 0)).toBe(3 + 3 + 4 * 4);
    const listed = await store.list({ limit: 100 });
    expect(listed.map((c) => `${c.case_id}:${c.outcome}`).sort()).toEqual(['evt-2:review', 'evt-3:block', 'evt-4:review', 'evt-6:review']);
  });

  it('holds the transaction pseudonymised (never raw, even with LAKE_PII=raw), the decision, the history and earlier cases', async () => {
    const store = await fresh();
    await actBatch(records(batch), actDeps(store, { history: 2, pii: testPolicy({ mode: 'raw' }) }));
    const c = ReviewCaseSchema.parse((await store.get('evt-6'))!.case);
    const text = JSON.stringify(c);
    for (const raw of ['Jane Doe', 'jane.doe@example.com', '555-123-4567', '203.0.113.7', '12 Main St']) expect(text).not.toContain(raw);
    expect(c.transaction.email_address_masked).toBe('j***@example.com');
    expect(c.transaction.customer_name_token).toMatch(/^tok:v1:/);
    expect(c.transaction.fd).toMatchObject({ outcome: 'review', score: 700, reasons: ['new device', 'amount 5x the customer median'], rules: [{ rule_id: 'high_score' }] });
    // cust-1's two transactions before evt-6 in the batch, newest first; its earlier case evt-2.
    expect(c.history.map((h) => `${h.event_id}:${h.outcome}`)).toEqual(['evt-5:approve', 'evt-3:block']);
    expect(c.earlier_cases).toEqual(['evt-2']);
    expect(c.label_variables).toEqual({ merchant: 'm-0' });
    // A later batch sees the earlier cases through the store's entity index.
    await actBatch(records([scored(9, 'review', { minute: 50 })], 500), actDeps(store, { history: 2 }));
    expect((await store.get('evt-9'))!.case!.earlier_cases).toEqual(['evt-6', 'evt-2']);
  });

  it('records a decision once and emits exactly one label; a second decision on the closed case is refused, the first kept', async () => {
    const store = await fresh();
    await actBatch(records(batch), actDeps(store));
    const topic = labelsTopic();
    const first = await decide(store, topic.sink, { caseId: 'evt-2', label: 'fraud', analyst: 'ana', note: 'card reported stolen', source: 'analyst' });
    expect(first.status).toBe('decided');
    const second = await decide(store, topic.sink, { caseId: 'evt-2', label: 'legit', analyst: 'bob', source: 'analyst' });
    expect(second).toMatchObject({ status: 'already decided', resent: false, decision: { label: 'fraud', analyst: 'ana', note: 'card reported stolen' } });
    expect(topic.labels()).toEqual([{ event_id: 'evt-2', entity_id: 'cust-1', label: 'fraud', label_time: expect.any(String), variables: { merchant: 'm-2' }, source: 'analyst' }]);
    const r = (await store.get('evt-2'))!;
    expect(CaseDecisionSchema.parse(r.decision)).toMatchObject({ label: 'fraud', analyst: 'ana', source: 'analyst', had_case: true });
    expect(r.labelSentAt).toBeDefined();
    expect((await store.list({ open: true, limit: 10 })).map((c) => c.case_id).sort()).toEqual(['evt-4', 'evt-6']);
    expect((await store.list({ open: false, limit: 10 })).map((c) => `${c.case_id}:${c.decision}`)).toEqual(['evt-2:fraud']);
  });

  it('of concurrent decisions on one case records one and sends its label once', async () => {
    const store = await fresh();
    await actBatch(records(batch), actDeps(store));
    const topic = labelsTopic();
    const outcomes = await Promise.all((['fraud', 'legit', 'fraud', 'legit'] as const).map((label, i) => decide(store, topic.sink, { caseId: 'evt-4', label, analyst: `a${i}`, source: 'analyst' })));
    expect(outcomes.filter((o) => o.status === 'decided')).toHaveLength(1);
    const winner = outcomes.find((o) => o.status === 'decided') as { decision: CaseDecision };
    expect(topic.labels().map((l) => l.label)).toEqual([winner.decision.label]);
    expect((await store.decisions()).map((d) => d.analyst)).toEqual([winner.decision.analyst]);
  });

  it('re-sends the recorded decision\'s label when the first attempt died before sending it', async () => {
    const store = await fresh();
    await actBatch(records(batch), actDeps(store));
    const failing = { where: 'nowhere', done: 'sent', send: async () => { throw new Error('broker down'); } };
    // The decision is recorded and stands; its label is pending, with the reason.
    expect(await decide(store, failing, { caseId: 'evt-6', label: 'fraud', analyst: 'ana', source: 'analyst' })).toMatchObject({ status: 'decided', labelError: 'label not sent to nowhere: broker down' });
    expect((await store.get('evt-6'))!.labelSentAt).toBeUndefined();
    const topic = labelsTopic();
    // Within RESEND_AFTER_MS the first attempt may still be sending: nothing is re-sent.
    expect(await decide(store, topic.sink, { caseId: 'evt-6', label: 'legit', analyst: 'ana', source: 'analyst' })).toMatchObject({ status: 'already decided', resent: false });
    expect(topic.labels()).toEqual([]);
    const later = new Date(Date.now() + RESEND_AFTER_MS);
    const retry = await decide(store, topic.sink, { caseId: 'evt-6', label: 'legit', analyst: 'ana', source: 'analyst' }, later);
    expect(retry).toMatchObject({ status: 'already decided', resent: true, decision: { label: 'fraud' } });
    expect(topic.labels().map((l) => `${l.event_id}:${l.label}`)).toEqual(['evt-6:fraud']);
    await decide(store, topic.sink, { caseId: 'evt-6', label: 'fraud', analyst: 'ana', source: 'analyst' }, later);
    expect(topic.labels()).toHaveLength(1);
  });

  it('records an imported label whose event has no case (with its entity), and then creates no case for that event', async () => {
    const store = await fresh();
    const topic = labelsTopic();
    expect(await decide(store, topic.sink, { caseId: 'evt-77', label: 'fraud', analyst: 'import', source: 'import' })).toMatchObject({ status: 'no case' });
    const done = await decide(store, topic.sink, { caseId: 'evt-77', label: 'fraud', labelTime: '2026-11-30T09:00:00Z', analyst: 'import', source: 'import', entityId: 'cust-9' });
    expect(done).toMatchObject({ status: 'decided', decision: { had_case: false, entity_id: 'cust-9' } });
    expect(topic.labels()).toEqual([{ event_id: 'evt-77', entity_id: 'cust-9', label: 'fraud', label_time: '2026-11-30T09:00:00Z', variables: {}, source: 'import' }]);
    const late = await actBatch(records([scored(77, 'review')]), actDeps(store));
    expect([late.casesCreated, late.casesExisting]).toEqual([0, 1]);
  });

  it('keeps an escalation on the open case, flags it in the listing, and refuses one once the case is decided', async () => {
    const store = await fresh();
    await actBatch(records(batch), actDeps(store));
    const topic = labelsTopic();
    expect(await store.escalate({ case_id: 'evt-4', analyst: 'ana', at: '2026-11-25T11:00:00.000Z', note: 'needs the card issuer' })).toEqual({ recorded: true });
    expect(await store.escalate({ case_id: 'evt-4', analyst: 'bob', at: '2026-11-25T11:05:00.000Z', note: 'called the issuer' })).toEqual({ recorded: true });
    expect((await store.get('evt-4'))!.escalations!.map((e) => `${e.analyst}:${e.note}`)).toEqual(['ana:needs the card issuer', 'bob:called the issuer']);
    const open = await store.list({ open: true, limit: 10 });
    expect(open.map((c) => `${c.case_id}:${c.escalated}`).sort()).toEqual(['evt-2:false', 'evt-4:true', 'evt-6:false']);
    expect(open.find((c) => c.case_id === 'evt-4')).toMatchObject({ amount: 14, currency: expect.any(String), rules: ['high_score'] });
    await decide(store, topic.sink, { caseId: 'evt-4', label: 'legit', analyst: 'sen', source: 'analyst' });
    expect(await store.escalate({ case_id: 'evt-4', analyst: 'ana', at: '2026-11-25T12:00:00.000Z', note: 'again' })).toMatchObject({ recorded: false, existing: { label: 'legit', analyst: 'sen' } });
    expect((await store.get('evt-4'))!.escalations).toHaveLength(2);
  });
}
