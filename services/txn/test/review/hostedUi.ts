import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { review, type ApiGatewayEvent, type ReviewHandlerDeps } from '../../src/handlers/review.js';
import { pageWithConfig } from '../../src/review/pageConfig.js';
import { reviewPage } from '../../src/review/page.js';

/**
 * Local stand-ins for what AWS runs in front of the review page, for the browser test of the hosted-UI
 * sign-in: Cognito's hosted UI (/oauth2/authorize with a sign-in form, /oauth2/token checking PKCE S256
 * as Cognito does) and CloudFront + API Gateway (the deployed page at /, /api/* through a Cognito
 * authorizer stand-in into the real review handler as an API Gateway REST proxy event).
 */
export interface HostedUi {
  url: string;
  clientId: string;
  /** Users the sign-in form accepts, with their groups (as cognito:groups). */
  users: Record<string, string[]>;
  /** Every /oauth2/token request's form, in order. */
  tokenRequests: Record<string, string>[];
  /** The verified claims of an ID token this stand-in issued and that has not expired; undefined otherwise. */
  claimsOf(idToken: string | undefined): Record<string, string> | undefined;
  close(): Promise<void>;
}

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const closer = (server: Server) => () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const b64url = (b: Buffer) => b.toString('base64url');

export async function startHostedUi(redirectUri: () => string, users: Record<string, string[]>, pageOrigin: () => string): Promise<HostedUi> {
  const clientId = 'review-page-client';
  const codes = new Map<string, { user: string; challenge: string; redirect: string; used: boolean }>();
  const tokens = new Map<string, { claims: Record<string, string>; expires: number }>();
  const tokenRequests: Record<string, string>[] = [];
  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json', 'Cache-Control': 'no-store', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/oauth2/authorize') {
        const q = url.searchParams;
        // What Cognito refuses for a public client of the code flow
        if (q.get('response_type') !== 'code' || q.get('client_id') !== clientId) return reply(res, 400, 'invalid_request: response_type code and this client only');
        if (q.get('redirect_uri') !== redirectUri()) return reply(res, 400, 'redirect_mismatch');
        if (q.get('code_challenge_method') !== 'S256' || !/^[\w-]{43}$/.test(q.get('code_challenge') ?? '')) return reply(res, 400, 'invalid_request: PKCE with S256 required');
        const hidden = ['redirect_uri', 'state', 'code_challenge'].map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? '')}">`).join('');
        return reply(res, 200, `<!doctype html><title>Sign in</title><form method="post" action="/login">${hidden}<label>Username <input name="username" id="username"></label><button id="login">Sign in</button></form>`);
      }
      if (req.method === 'POST' && url.pathname === '/login') {
        const f = new URLSearchParams(await readBody(req));
        const user = f.get('username') ?? '';
        if (!(user in users)) return reply(res, 200, 'Incorrect username or password.');
        const code = b64url(randomBytes(24));
        codes.set(code, { user, challenge: f.get('code_challenge')!, redirect: f.get('redirect_uri')!, used: false });
        const back = new URL(f.get('redirect_uri')!);
        back.searchParams.set('code', code);
        if (f.get('state')) back.searchParams.set('state', f.get('state')!);
        res.writeHead(302, { Location: back.toString() });
        return res.end();
      }
      if (url.pathname === '/oauth2/token') {
        // Cognito's token endpoint answers browsers of other origins (CORS)
        const cors = { 'Access-Control-Allow-Origin': pageOrigin() };
        if (req.method !== 'POST') return reply(res, 405, { error: 'invalid_request' }, cors);
        const f = Object.fromEntries(new URLSearchParams(await readBody(req)));
        tokenRequests.push(f);
        const grant = codes.get(f.code ?? '');
        if (f.grant_type !== 'authorization_code' || f.client_id !== clientId || !grant || grant.used || grant.redirect !== f.redirect_uri) return reply(res, 400, { error: 'invalid_grant' }, cors);
        grant.used = true; // a code is good once
        if (b64url(createHash('sha256').update(f.code_verifier ?? '').digest()) !== grant.challenge) return reply(res, 400, { error: 'invalid_grant' }, cors);
        const idToken = b64url(randomBytes(32));
        const groups = users[grant.user]!;
        tokens.set(idToken, { claims: { 'cognito:username': grant.user, ...(groups.length ? { 'cognito:groups': groups.join(',') } : {}), token_use: 'id', aud: clientId }, expires: Date.now() + 3_600_000 });
        return reply(res, 200, { id_token: idToken, access_token: b64url(randomBytes(32)), token_type: 'Bearer', expires_in: 3600 }, cors);
      }
      return reply(res, 404, { error: 'not found' });
    })().catch((err: Error) => reply(res, 500, { error: err.message }));
  });
  const url = await listen(server);
  return {
    url, clientId, users, tokenRequests,
    claimsOf: (t) => { const v = t ? tokens.get(t) : undefined; return v && v.expires > Date.now() ? v.claims : undefined; },
    close: closer(server),
  };
}

export interface PageHost { url: string; apiCalls: { path: string; status: number }[]; close(): Promise<void> }

/**
 * The deployed page and API on one origin, as CloudFront serves them: `/` is the page with the hosted
 * UI's settings written in (the ReviewPage custom resource's pageWithConfig), `/api/*` goes through the
 * Cognito authorizer stand-in (no or unknown token: 401, as API Gateway answers) to the review handler.
 */
export async function startPageHost(deps: () => ReviewHandlerDeps, ui: () => HostedUi): Promise<PageHost & { listen: () => Promise<string> }> {
  const apiCalls: { path: string; status: number }[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (req.method === 'GET' && url.pathname === '/') {
        const html = pageWithConfig(reviewPage(), { auth: 'cognito', domain: ui().url, clientId: ui().clientId, redirectUri: `${origin}/`, apiBase: '' });
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(html);
      }
      if (!url.pathname.startsWith('/api/')) { res.writeHead(404); return res.end(); }
      const claims = ui().claimsOf(req.headers.authorization);
      if (!claims) {
        apiCalls.push({ path: url.pathname, status: 401 });
        res.writeHead(401, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ message: 'Unauthorized' }));
      }
      const body = req.method === 'POST' ? await readBody(req) : null;
      const event: ApiGatewayEvent = {
        httpMethod: req.method ?? 'GET', path: url.pathname, headers: req.headers as Record<string, string>,
        queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : null, body, isBase64Encoded: false,
        requestContext: { authorizer: { claims } },
      };
      const out = await review(deps(), event);
      apiCalls.push({ path: url.pathname, status: out.statusCode });
      res.writeHead(out.statusCode, out.headers);
      res.end(out.body);
    })().catch((err: Error) => { res.writeHead(500); res.end(err.message); });
  });
  return {
    url: '', apiCalls, close: closer(server),
    listen: async () => { origin = await listen(server); return origin; },
  };
}
