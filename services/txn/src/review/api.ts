import { z } from 'zod';
import type { Logger } from '@sfc/shared';
import type { CaseStore } from '../cases/CaseStore.js';
import { decide } from '../cases/decide.js';
import type { LabelSink } from '../cases/labelSink.js';
import type { Account } from './accounts.js';
import { FilterError, parseFilter, type QueueIndex } from './queue.js';
import { caseView } from './view.js';

/**
 * The review page's JSON API, whatever carries it: the local server (server.ts, per-run tokens) and the
 * Lambda behind API Gateway (handlers/review.ts, Cognito groups). Each transport authenticates and
 * names the account; everything after that, masking and decide() included, is here, once.
 */
export interface ReviewApiDeps {
  store: CaseStore;
  sink: LabelSink;
  index: QueueIndex;
  logger: Logger;
}

export interface ApiRequest {
  method: string;
  /** The path from /api/ on, e.g. /api/cases/x/decision. */
  path: string;
  query: URLSearchParams;
  /** The body as JSON; throws HttpError (415, 413, 400) as the transport finds it. Read for POSTs only. */
  json(): Promise<unknown>;
  /** The authenticated account (the transport refuses a request without one). */
  who: Account;
}

export interface ApiResponse {
  status: number;
  body: Record<string, unknown>;
}

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly extra: Record<string, unknown> = {}) { super(message); }
}

const ActionSchema = z.object({
  action: z.enum(['approve', 'legit', 'fraud', 'escalate']),
  note: z.string().trim().max(2000).optional(),
});
const LABEL = { approve: 'legit', legit: 'legit', fraud: 'fraud' } as const;
export const MAX_BODY = 16 * 1024;
const MAX_PAGE = 5000;

/** A request body as JSON: only `application/json` (a cross-site form cannot send it without a preflight), at most MAX_BODY bytes. */
export function parseJsonBody(contentType: string | undefined, text: string): unknown {
  if (!/^application\/json\b/.test(contentType ?? '')) throw new HttpError(415, 'Content-Type: application/json required');
  if (Buffer.byteLength(text) > MAX_BODY) throw new HttpError(413, `body over ${MAX_BODY} bytes`);
  try { return JSON.parse(text); } catch { throw new HttpError(400, 'body: not JSON'); }
}

const int = (q: URLSearchParams, name: string, dflt: number, max: number): number => {
  const v = q.get(name);
  if (v === null) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new HttpError(400, `${name}=${JSON.stringify(v)}: a whole number 0-${max}`);
  return n;
};

async function route(deps: ReviewApiDeps, req: ApiRequest): Promise<ApiResponse> {
  const { store, sink, index, logger } = deps;
  const { who } = req;
  const ok = (body: Record<string, unknown>): ApiResponse => ({ status: 200, body });
  if (req.method === 'GET' && req.path === '/api/me') return ok({ ...who });
  if (req.method === 'GET' && req.path === '/api/queue') {
    const q = req.query;
    const filter = parseFilter(q);
    const { total, items } = index.page(filter, int(q, 'offset', 0, Number.MAX_SAFE_INTEGER), int(q, 'limit', 500, MAX_PAGE));
    return ok({ total, items, filter, stats: index.stats(), rules: index.rules(), loaded_at: index.loadedAt.toISOString() });
  }
  const m = /^\/api\/cases\/([^/]{1,200})(\/decision)?$/.exec(req.path);
  if (!m) throw new HttpError(404, `no ${req.path}`);
  const id = decodeURIComponent(m[1]!);
  if (req.method === 'GET' && !m[2]) {
    const r = await store.get(id);
    if (!r?.case) throw new HttpError(404, `no case ${id}`);
    return ok(caseView(r, who.role, sink.done));
  }
  if (req.method !== 'POST' || !m[2]) throw new HttpError(405, `${req.method} ${req.path} is not served`);
  const parsed = ActionSchema.safeParse(await req.json());
  if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  const { action, note } = parsed.data;
  if (!(await store.get(id))?.case) throw new HttpError(404, `no case ${id}`);
  if (action === 'escalate') {
    if (!note) throw new HttpError(400, 'note: an escalation needs a note (why, and to whom)');
    const done = await store.escalate({ case_id: id, analyst: who.name, at: new Date().toISOString(), note });
    if (!done.recorded) throw new HttpError(409, `case ${id} is closed: ${done.existing.label} by ${done.existing.analyst} at ${done.existing.decided_at}`, { decision: done.existing });
    index.update(id, { escalated: true });
    logger.info('case escalated', { case_id: id, analyst: who.name });
    return ok({ status: 'escalated', case_id: id });
  }
  const done = await decide(store, sink, { caseId: id, label: LABEL[action], action, analyst: who.name, ...(note ? { note } : {}), source: 'analyst' });
  if (done.status === 'no case') throw new HttpError(404, done.reason);
  if (done.status === 'already decided') {
    index.update(id, { decision: done.decision, ...(done.resent ? { labelPending: false } : {}) });
    throw new HttpError(409, `case ${id} is closed: ${done.decision.label} by ${done.decision.analyst} at ${done.decision.decided_at}; a decision is not changed`, { decision: done.decision });
  }
  index.update(id, { decision: done.decision, labelPending: done.labelError !== undefined });
  logger.info('case decided', { case_id: id, analyst: who.name, label: done.decision.label });
  // The decision stands either way; a label that did not go out stays pending and is retried (main.ts, or the next attempt at the case).
  if (done.labelError) logger.error('decision label pending', { case_id: id, error: done.labelError });
  return ok({
    status: 'decided', decision: done.decision, label_sent_to: sink.where,
    label_status: done.labelError ? `pending: ${done.labelError}; retried at the next refresh` : sink.done,
  });
}

/** Answers one API request: refusals as their status with `{ error }`, anything unexpected logged (path only) and a 500. */
export async function answerApi(deps: ReviewApiDeps, req: ApiRequest): Promise<ApiResponse> {
  try {
    return await route(deps, req);
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, body: { error: err.message, ...err.extra } };
    if (err instanceof FilterError) return { status: 400, body: { error: err.message } };
    deps.logger.error('review request failed', { path: req.path, error: (err as Error).message });
    return { status: 500, body: { error: 'internal error (see the server log)' } };
  }
}
