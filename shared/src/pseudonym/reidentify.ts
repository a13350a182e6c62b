import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ConfigSpec } from '../config/defineConfig.js';
import { SfcError } from '../errors.js';
import type { ObjectStore } from '../ports/ObjectStore.js';
import type { Pseudonymiser } from './pseudonymiser.js';
import { isToken } from './pseudonymiser.js';

/** Settings of the re-identification command (never read by a Lambda function). */
export const reidentifyConfig = {
  REIDENTIFY_ENABLED: { schema: z.enum(['true', 'false']).transform((v) => v === 'true'), default: 'false', doc: '`true` allows `npm run reidentify` in this environment; it still needs read access to the keys (the key file, or secretsmanager:GetSecretValue on the secret).' },
  REIDENTIFY_AUDIT_BUCKET: { schema: z.string().min(1), default: 'audit', doc: 'Bucket of the re-identification audit log (`reidentify/<time>-<id>.json`, one object per request: who, when, why, which tokens; never a value). In AWS, a bucket the operators may write but not delete from (Object Lock).' },
} satisfies ConfigSpec;

/** One audited request: only tokens and counts, never a personal value. */
export interface AuditEntry {
  at: string;
  who: string;
  reason: string;
  action: 'token' | 'match';
  kind: string;
  /** The tokens computed (token) or asked about (match). */
  tokens: string[];
  candidates?: number;
  matched?: number;
}

export class ReidentifyRefused extends SfcError {
  constructor(reason: string) {
    super(`re-identification refused: ${reason}`);
    this.name = 'ReidentifyRefused';
  }
}

export interface ReidentifyDeps {
  pseudonymiser: Pseudonymiser;
  store: ObjectStore;
  auditBucket: string;
  enabled: boolean;
  who: string;
  now?: () => Date;
}

export type ReidentifyRequest =
  | { action: 'token'; kind: string; value: string; reason: string }
  | { action: 'match'; kind: string; token: string; candidates: string[]; reason: string };

export type ReidentifyResult = { tokens: string[] } | { matches: string[] };

/**
 * Tokens are one-way, and no token-to-value vault exists: re-identifying means either computing a
 * value's tokens (to find it in the lake) or testing candidate values against a token (from the
 * case file, the customer record the row's entity_id points to). Every request is refused unless
 * enabled and given a reason, and is written to the audit log before any answer is returned.
 */
export async function reidentify(req: ReidentifyRequest, deps: ReidentifyDeps): Promise<ReidentifyResult> {
  if (!deps.enabled) throw new ReidentifyRefused('REIDENTIFY_ENABLED is not true in this environment');
  if (req.reason.trim().length < 3) throw new ReidentifyRefused('--reason is required (a case or ticket reference)');
  const at = (deps.now ?? (() => new Date()))();
  const entry: AuditEntry = { at: at.toISOString(), who: deps.who, reason: req.reason.trim(), action: req.action, kind: req.kind, tokens: [] };
  let result: ReidentifyResult;
  if (req.action === 'token') {
    const tokens = deps.pseudonymiser.tokensOf(req.kind, req.value);
    entry.tokens = tokens;
    result = { tokens };
  } else {
    if (!isToken(req.token)) throw new ReidentifyRefused(`not a token: ${JSON.stringify(req.token.slice(0, 60))}`);
    const matches = req.candidates.filter((c) => deps.pseudonymiser.matches(req.token, req.kind, c));
    Object.assign(entry, { tokens: [req.token], candidates: req.candidates.length, matched: matches.length });
    result = { matches };
  }
  // Audit first: an answer whose request could not be logged is never given.
  const key = `reidentify/${at.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.json`;
  await deps.store.put(deps.auditBucket, key, `${JSON.stringify(entry)}\n`, { contentType: 'application/json' });
  return result;
}
