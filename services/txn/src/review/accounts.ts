import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Roles of the review page. Both decide and escalate; they differ in what personal data they see (a
 * case never holds raw values: see view.ts).
 *   analyst: the transaction, the decision, the history; every personal field withheld.
 *   senior:  also the case's personal fields as the case holds them (masked display forms, tokens,
 *            billing location, job, device); raw values only through the audited `npm run reidentify`.
 */
export const ROLES = ['analyst', 'senior'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  name: string;
  role: Role;
}

export class AccountError extends Error {}

/** `name:role,name:role` (the `--users` option); names are what decisions record as the analyst. */
export function parseAccounts(text: string): Account[] {
  const accounts = text.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [name, role] = entry.split(':').map((s) => s?.trim());
    if (!name || !/^[\w.@-]{1,128}$/.test(name)) throw new AccountError(`--users: ${JSON.stringify(entry)}: a name of letters, digits, . _ @ - then :role`);
    if (!(ROLES as readonly string[]).includes(role ?? '')) throw new AccountError(`--users: ${JSON.stringify(entry)}: role one of ${ROLES.join(', ')}`);
    return { name, role: role as Role };
  });
  if (accounts.length === 0) throw new AccountError('--users: at least one name:role');
  if (new Set(accounts.map((a) => a.name)).size !== accounts.length) throw new AccountError('--users: a name appears twice');
  return accounts;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Per-run sign-in tokens, one per account (like Jupyter's): random, printed once by `npm run review`,
 * kept here only as hashes, compared in constant time. A restart issues new ones.
 */
export class Tokens {
  private readonly entries: { hash: Buffer; account: Account }[] = [];
  readonly issued: { account: Account; token: string }[];

  constructor(accounts: Account[]) {
    this.issued = accounts.map((account) => ({ account, token: randomBytes(24).toString('base64url') }));
    for (const { account, token } of this.issued) this.entries.push({ hash: digest(token), account });
  }

  /** The account of an `Authorization: Bearer <token>` header, or undefined. */
  accountOf(authorization: string | undefined): Account | undefined {
    const m = /^Bearer ([\w-]{16,128})$/.exec(authorization ?? '');
    if (!m) return undefined;
    const h = digest(m[1]!);
    let found: Account | undefined;
    for (const e of this.entries) if (timingSafeEqual(e.hash, h)) found = e.account;
    return found;
  }
}

/**
 * The account of a request API Gateway's Cognito authorizer verified: the ID token's claims as the
 * request context carries them (never a header the caller sets). The role is the highest of the user's
 * groups (`senior` over `analyst`); no such group: undefined (refused with 403). REST APIs pass
 * `cognito:groups` as a string (`senior` or `analyst,senior`; HTTP APIs `[analyst senior]`), so all forms are read.
 */
export function accountFromClaims(claims: Record<string, unknown> | undefined): Account | undefined {
  const raw = claims?.['cognito:groups'];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean) : [];
  const role = groups.includes('senior') ? 'senior' : groups.includes('analyst') ? 'analyst' : undefined;
  const name = claims?.['cognito:username'] ?? claims?.username;
  if (!role || typeof name !== 'string' || !/^[\w.@+-]{1,128}$/.test(name)) return undefined;
  return { name, role };
}
