import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@sfc/shared';
import type { CaseStore } from '../cases/CaseStore.js';
import type { LabelSink } from '../cases/labelSink.js';
import type { Tokens } from './accounts.js';
import { answerApi, HttpError, MAX_BODY, parseJsonBody } from './api.js';
import { reviewPage } from './page.js';
import type { QueueIndex } from './queue.js';

export interface ReviewDeps {
  store: CaseStore;
  sink: LabelSink;
  index: QueueIndex;
  tokens: Tokens;
  logger: Logger;
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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, `body over ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  return parseJsonBody(req.headers['content-type'], Buffer.concat(chunks).toString('utf8'));
}

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
    const who = tokens.accountOf(req.headers.authorization);
    if (!who) throw new HttpError(401, 'sign in: open the address npm run review printed (Authorization: Bearer <token>)');

    const answer = await answerApi({ store, sink, index, logger }, { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, json: () => readJson(req), who });
    return send(res, answer.status, answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) return send(res, err.status, { error: err.message, ...err.extra }, err.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
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
