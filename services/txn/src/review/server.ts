import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Logger } from '@sfc/shared';
import type { CaseStore } from '../cases/CaseStore.js';
import { decide } from '../cases/decide.js';
import type { LabelSink } from '../cases/labelSink.js';
import type { Account, Tokens } from './accounts.js';
import { reviewPage } from './page.js';
import { FilterError, parseFilter, type QueueIndex } from './queue.js';
import { caseView } from './view.js';

export interface ReviewDeps {
  store: CaseStore;
  sink: LabelSink;
  index: QueueIndex;
  tokens: Tokens;
  logger: Logger;
}

const ActionSchema = z.object({
  action: z.enum(['approve', 'legit', 'fraud', 'escalate']),
  note: z.string().trim().max(2000).optional(),
});
const LABEL = { approve: 'legit', legit: 'legit', fraud: 'fraud' } as const;
const MAX_BODY = 16 * 1024;
const MAX_PAGE = 5000;

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly extra: Record<string, unknown> = {}) { super(message); }
}

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY',
  // One self-contained page: its own inline script and style, requests to this server only, nothing else.
  'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json', ...headers });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'Content-Type: application/json required');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, `body over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  try { return JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { throw new HttpError(400, 'body: not JSON'); }
}

const int = (q: URLSearchParams, name: string, dflt: number, max: number): number => {
  const v = q.get(name);
  if (v === null) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new HttpError(400, `${name}=${JSON.stringify(v)}: a whole number 0-${max}`);
  return n;
};

/**
 * The analysts' review page and its JSON API, over the case store (local only; see README "The analyst
 * page"). Every /api request needs `Authorization: Bearer <token>` (a per-run token of a local account):
 * a header, never a cookie, so another site cannot make a browser send it (no CSRF), and the server
 * answers no CORS preflight. The Host header must name this server, against DNS rebinding.
 */
export function reviewServer(deps: ReviewDeps): Server {
  const { store, sink, index, tokens, logger } = deps;
  const page = reviewPage();
  let allowedHosts: Set<string> = new Set();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(421, `Host ${JSON.stringify(req.headers.host ?? '')} is not this server`);
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, page);
    if (!url.pathname.startsWith('/api/')) throw new HttpError(404, `no ${url.pathname}`);
    const who: Account | undefined = tokens.accountOf(req.headers.authorization);
    if (!who) throw new HttpError(401, 'sign in: open the address npm run review printed (Authorization: Bearer <token>)');

    if (req.method === 'GET' && url.pathname === '/api/me') return send(res, 200, who);
    if (req.method === 'GET' && url.pathname === '/api/queue') {
      const q = url.searchParams;
      const filter = parseFilter(q);
      const { total, items } = index.page(filter, int(q, 'offset', 0, Number.MAX_SAFE_INTEGER), int(q, 'limit', 500, MAX_PAGE));
      return send(res, 200, { total, items, filter, stats: index.stats(), rules: index.rules(), loaded_at: index.loadedAt.toISOString() });
    }
    const m = /^\/api\/cases\/([^/]{1,200})(\/decision)?$/.exec(url.pathname);
    if (!m) throw new HttpError(404, `no ${url.pathname}`);
    const id = decodeURIComponent(m[1]!);
    if (req.method === 'GET' && !m[2]) {
      const r = await store.get(id);
      if (!r?.case) throw new HttpError(404, `no case ${id}`);
      return send(res, 200, caseView(r, who.role, sink.done));
    }
    if (req.method !== 'POST' || !m[2]) throw new HttpError(405, `${req.method} ${url.pathname} is not served`);
    const parsed = ActionSchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
    const { action, note } = parsed.data;
    if (!(await store.get(id))?.case) throw new HttpError(404, `no case ${id}`);
    if (action === 'escalate') {
      if (!note) throw new HttpError(400, 'note: an escalation needs a note (why, and to whom)');
      const done = await store.escalate({ case_id: id, analyst: who.name, at: new Date().toISOString(), note });
      if (!done.recorded) throw new HttpError(409, `case ${id} is closed: ${done.existing.label} by ${done.existing.analyst} at ${done.existing.decided_at}`, { decision: done.existing });
      index.update(id, { escalated: true });
      logger.info('case escalated', { case_id: id, analyst: who.name });
      return send(res, 200, { status: 'escalated', case_id: id });
    }
    const done = await decide(store, sink, { caseId: id, label: LABEL[action], action, analyst: who.name, ...(note ? { note } : {}), source: 'analyst' });
    if (done.status === 'no case') throw new HttpError(404, done.reason);
    if (done.status === 'already decided') {
      index.update(id, { decision: done.decision, ...(done.resent ? { labelPending: false } : {}) });
      throw new HttpError(409, `case ${id} is closed: ${done.decision.label} by ${done.decision.analyst} at ${done.decision.decided_at}; a decision is not changed`, { decision: done.decision });
    }
    index.update(id, { decision: done.decision, labelPending: done.labelError !== undefined });
    logger.info('case decided', { case_id: id, analyst: who.name, label: done.decision.label });
    // The decision stands either way; a label that did not go out stays pending and is retried (main.ts).
    if (done.labelError) logger.error('decision label pending', { case_id: id, error: done.labelError });
    return send(res, 200, {
      status: 'decided', decision: done.decision, label_sent_to: sink.where,
      label_status: done.labelError ? `pending: ${done.labelError}; retried at the next refresh` : sink.done,
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) return send(res, err.status, { error: err.message, ...err.extra }, err.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
      if (err instanceof FilterError) return send(res, 400, { error: err.message });
      logger.error('review request failed', { path: req.url?.split('?')[0], error: (err as Error).message });
      send(res, 500, { error: 'internal error (see the server log)' });
    });
  });
  server.on('listening', () => {
    const { port } = server.address() as AddressInfo;
    allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  });
  return server;
}
