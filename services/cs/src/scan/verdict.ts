import type { Verdict } from '@sfc/shared';
import type { Issue, QuarantineReason } from '../reader/protocol.js';

/**
 * Issues that mean only part of the document could be read. When personal data was found in the
 * rest, the document goes to the pii bucket (the most protected one) with the issue recorded;
 * every other issue (active content, limits, corrupt, encrypted) quarantines it regardless.
 */
const PARTIAL: ReadonlySet<QuarantineReason> = new Set(['no_text_layer', 'unreadable', 'unsupported_attachment']);

/** The verdict, and for quarantine the deciding reason with the details of every issue of that reason. */
export function decideVerdict(issues: readonly Issue[], hasPii: boolean): { verdict: Verdict; reason: QuarantineReason | null; detail: string | null } {
  const blocking = issues.filter((i) => !PARTIAL.has(i.reason));
  const deciding = blocking[0] ?? (hasPii ? undefined : issues[0]);
  if (!deciding) return { verdict: hasPii ? 'pii' : 'clean', reason: null, detail: null };
  const detail = issues.filter((i) => i.reason === deciding.reason).map((i) => i.detail).join('; ');
  return { verdict: 'quarantine', reason: deciding.reason, detail: detail.length > 1000 ? `${detail.slice(0, 997)}...` : detail };
}
