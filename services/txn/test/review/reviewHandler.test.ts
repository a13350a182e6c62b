import { createLogger } from '@sfc/shared';
import { DynamoCaseStore } from '../../src/cases/DynamoCaseStore.js';
import { review, type ApiGatewayEvent, type ReviewHandlerDeps } from '../../src/handlers/review.js';
import { accountFromClaims } from '../../src/review/accounts.js';
import { QueueIndex } from '../../src/review/queue.js';
import { WITHHELD } from '../../src/review/view.js';
import { createCasesTable, labelsTopic } from '../cases/support.js';
import { seedCases } from './support.js';
import { uniqueName, useMotoDynamo } from '../../../../shared/test/support/moto.js';

const ORIGIN = 'https://d111111abcdef8.cloudfront.net';
const now = new Date();

/** An API Gateway REST proxy event as the Cognito user pool authorizer passes it on: the verified ID token's claims, strings only. */
const event = (method: string, path: string, claims: Record<string, string> | undefined, o: { query?: Record<string, string>; body?: unknown; type?: string } = {}): ApiGatewayEvent => ({
  httpMethod: method, path, queryStringParameters: o.query ?? null,
  headers: o.body !== undefined ? { 'content-type': o.type ?? 'application/json' } : {},
  body: o.body === undefined ? null : typeof o.body === 'string' ? o.body : JSON.stringify(o.body),
  requestContext: { authorizer: claims ? { claims } : null },
});
const ana = { 'cognito:username': 'ana', 'cognito:groups': 'analyst', token_use: 'id' };
const sam = { 'cognito:username': 'sam', 'cognito:groups': 'analyst,senior', token_use: 'id' };

describe('Review API in AWS: the review function behind API Gateway and Cognito (cases in DynamoDB on moto)', () => {
  const aws = useMotoDynamo();
  let deps: ReviewHandlerDeps;
  let topic: ReturnType<typeof labelsTopic>;
  let store: DynamoCaseStore;
  const call = async (e: ApiGatewayEvent) => {
    const res = await review(deps, e);
    return { ...res, json: JSON.parse(res.body) };
  };

  beforeAll(async () => {
    const { cases } = await seedCases(40, now);
    store = new DynamoCaseStore(await createCasesTable(aws.ddb, uniqueName('cases')), { client: aws.ddb });
    for (const c of cases) await store.create(c);
    topic = labelsTopic();
    deps = { store, sink: topic.sink, index: new QueueIndex(store, 24), logger: createLogger('t', { level: 'silent' }), origin: ORIGIN, refreshMs: 0 };
  });

  it('refuses with 403 a request whose verified claims name no analyst or senior group, and never reads a role from a header', async () => {
    for (const claims of [undefined, { 'cognito:username': 'eve' } as Record<string, string>, { 'cognito:username': 'eve', 'cognito:groups': 'admins' }, { 'cognito:username': 'eve', 'cognito:groups': '' }]) {
      const res = await call(event('GET', '/api/queue', claims));
      expect([res.statusCode, res.json.error]).toEqual([403, expect.stringContaining('cognito:groups')]);
    }
    const forged = { ...event('POST', '/api/cases/case-00001/decision', undefined, { body: { action: 'fraud' } }), headers: { 'content-type': 'application/json', 'cognito:groups': 'senior', 'x-role': 'senior' } };
    expect((await call(forged)).statusCode).toBe(403);
    expect((await store.get('case-00001'))!.decision).toBeUndefined();
    expect(accountFromClaims({ 'cognito:username': 'sam', 'cognito:groups': '[analyst senior]' })).toEqual({ name: 'sam', role: 'senior' });
    expect(accountFromClaims({ 'cognito:username': 'ana', 'cognito:groups': ['analyst'] })).toEqual({ name: 'ana', role: 'analyst' });
  });

  it('answers an analyst and a senior with the page\'s origin only (CORS), the queue oldest first from the index', async () => {
    const me = await call(event('GET', '/api/me', ana));
    expect([me.statusCode, me.json, me.headers['Access-Control-Allow-Origin']]).toEqual([200, { name: 'ana', role: 'analyst' }, ORIGIN]);
    expect((await call(event('GET', '/api/me', sam))).json).toEqual({ name: 'sam', role: 'senior' });
    const queue = await call(event('GET', '/api/queue', ana, { query: { limit: '3', outcome: 'review' } }));
    expect(queue.statusCode).toBe(200);
    expect(queue.json.items.map((c: any) => c.case_id)).toEqual(['case-00039', 'case-00038', 'case-00037']);
    expect(queue.json.stats).toMatchObject({ open: 40 });
    expect((await call(event('GET', '/api/queue', ana, { query: { min_amount: 'x' } }))).statusCode).toBe(400);
  });

  it('withholds personal fields from analyst exactly as the local page does, shows them to senior', async () => {
    const asAnalyst = (await call(event('GET', '/api/cases/case-00003', ana))).json;
    const asSenior = (await call(event('GET', '/api/cases/case-00003', sam))).json;
    for (const f of ['customer_name_masked', 'email_address_masked', 'phone_masked', 'ip_address_masked', 'billing_city', 'user_agent']) expect([f, asAnalyst.transaction[f]]).toEqual([f, WITHHELD]);
    expect(asAnalyst.transaction.transaction_amt).toBe(asSenior.transaction.transaction_amt);
    expect(asSenior.withheld).toEqual([]);
    expect(asSenior.transaction.email_address_masked).toMatch(/\*/);
  });

  it('decides through decide(): one label on the labels topic, the case closed in the index, a second decision refused', async () => {
    const done = await call(event('POST', '/api/cases/case-00010/decision', ana, { body: { action: 'fraud', note: 'cardholder denies it' } }));
    expect([done.statusCode, done.json.decision]).toEqual([200, expect.objectContaining({ case_id: 'case-00010', label: 'fraud', analyst: 'ana', source: 'analyst' })]);
    expect(topic.labels()).toEqual([expect.objectContaining({ event_id: 'case-00010', label: 'fraud' })]);
    const again = await call(event('POST', '/api/cases/case-00010/decision', sam, { body: { action: 'legit' } }));
    expect([again.statusCode, again.json.decision.analyst]).toEqual([409, 'ana']);
    expect(topic.labels()).toHaveLength(1);
    expect((await store.list({ open: true, limit: 100 })).map((c) => c.case_id)).not.toContain('case-00010');
    const closed = await call(event('GET', '/api/queue', sam, { query: { status: 'closed' } }));
    expect(closed.json.items.map((c: any) => `${c.case_id}:${c.decision}`)).toEqual(['case-00010:fraud']);
    expect((await call(event('POST', '/api/cases/case-00011/decision', ana, { body: 'action=fraud', type: 'application/x-www-form-urlencoded' }))).statusCode).toBe(415);
  });
});
