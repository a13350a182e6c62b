import { ConfigError, createLogger, lazyHandler, type Logger } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import { caseStoreFrom } from '../cases/caseStoreFrom.js';
import { labelSinkFrom } from '../cases/labelSinkFrom.js';
import { accountFromClaims } from '../review/accounts.js';
import { answerApi, parseJsonBody, type ApiResponse, type ReviewApiDeps } from '../review/api.js';
import { QueueIndex } from '../review/queue.js';

/** The part of API Gateway's REST proxy event this handler reads. */
export interface ApiGatewayEvent {
  httpMethod: string;
  path: string;
  headers?: Record<string, string | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: { authorizer?: { claims?: Record<string, unknown> } | null };
}

export interface ApiGatewayResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface ReviewHandlerDeps extends ReviewApiDeps {
  /** The page's origin (REVIEW_ORIGIN): the only one CORS lets read the answers. */
  origin: string;
  /** The queue is read again when older than this (REVIEW_REFRESH_S). */
  refreshMs: number;
}

const header = (event: ApiGatewayEvent, name: string) => Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

/**
 * API Gateway (REST, Cognito user pool authorizer on every method) -> the review API. API Gateway has
 * verified the ID token before this runs; the account comes from the verified claims in the request
 * context only, its role from `cognito:groups` (no analyst or senior group: 403). The queue is this
 * container's QueueIndex, read again (Queries of CasesTable's by_status index) when older than refreshMs.
 */
export async function review(deps: ReviewHandlerDeps, event: ApiGatewayEvent): Promise<ApiGatewayResult> {
  const cors = { 'Access-Control-Allow-Origin': deps.origin, Vary: 'Origin' };
  const reply = (a: ApiResponse): ApiGatewayResult => ({
    statusCode: a.status, body: JSON.stringify(a.body),
    headers: { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
  const who = accountFromClaims(event.requestContext?.authorizer?.claims);
  if (!who) return reply({ status: 403, body: { error: 'your account is in neither the analyst nor the senior group (cognito:groups)' } });
  const { path } = event;
  const query = new URLSearchParams(Object.entries(event.queryStringParameters ?? {}).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, v]])));
  if (event.httpMethod === 'GET' && path === '/api/queue' && Date.now() - deps.index.loadedAt.getTime() > deps.refreshMs) await deps.index.refresh();
  const json = async () => {
    const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body ?? '';
    return parseJsonBody(header(event, 'content-type'), text);
  };
  return reply(await answerApi(deps, { method: event.httpMethod, path, query, json, who }));
}

async function depsFrom(): Promise<ReviewHandlerDeps> {
  const c = loadTxnConfig();
  if (!c.REVIEW_ORIGIN) throw new ConfigError('REVIEW_ORIGIN', 'is required by the review API: the review page\'s origin (CORS)');
  const store = await caseStoreFrom(c);
  if (!store) throw new Error('CASES_STORE=none: the review API needs CASES_STORE=dynamodb');
  const logger: Logger = createLogger('txn.review', { level: c.LOG_LEVEL });
  // The labels topic, kept open for the container's life, as the label producer of the CLI opens it.
  const { sink } = await labelSinkFrom(c);
  return { store, sink, index: new QueueIndex(store, c.CASE_MAX_AGE_HOURS), logger, origin: c.REVIEW_ORIGIN, refreshMs: c.REVIEW_REFRESH_S * 1000 };
}

export const handler = lazyHandler(depsFrom, review);
