import type { CaseDecision } from '@sfc/shared';
import type { CaseListing, CaseStore } from '../cases/CaseStore.js';
import { queueStats, type QueueStats } from '../cases/ageing.js';

/** The queue's filters, as the page's query string carries them. */
export interface QueueFilter {
  status: 'open' | 'closed' | 'all';
  outcome?: 'review' | 'block';
  minAmount?: number;
  maxAmount?: number;
  /** Age in hours since the case was created. */
  minAgeHours?: number;
  maxAgeHours?: number;
  rule?: string;
  escalated?: boolean;
}

export class FilterError extends Error {}

const number = (q: URLSearchParams, name: string): number | undefined => {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new FilterError(`${name}=${JSON.stringify(v)}: a number of at least 0`);
  return n;
};

/** Reads the filters from a query string; a bad value throws FilterError naming the parameter. */
export function parseFilter(q: URLSearchParams): QueueFilter {
  const status = q.get('status') || 'open';
  if (!['open', 'closed', 'all'].includes(status)) throw new FilterError(`status=${JSON.stringify(status)}: open, closed or all`);
  const outcome = q.get('outcome') || undefined;
  if (outcome !== undefined && outcome !== 'review' && outcome !== 'block') throw new FilterError(`outcome=${JSON.stringify(outcome)}: review or block`);
  const escalated = q.get('escalated') || undefined;
  if (escalated !== undefined && escalated !== 'true' && escalated !== 'false') throw new FilterError(`escalated=${JSON.stringify(escalated)}: true or false`);
  const f: QueueFilter = { status: status as QueueFilter['status'] };
  if (outcome) f.outcome = outcome;
  const [minAmount, maxAmount, minAgeHours, maxAgeHours] = ['min_amount', 'max_amount', 'min_age_h', 'max_age_h'].map((n) => number(q, n));
  if (minAmount !== undefined) f.minAmount = minAmount;
  if (maxAmount !== undefined) f.maxAmount = maxAmount;
  if (minAgeHours !== undefined) f.minAgeHours = minAgeHours;
  if (maxAgeHours !== undefined) f.maxAgeHours = maxAgeHours;
  const rule = q.get('rule')?.trim();
  if (rule) f.rule = rule;
  if (escalated) f.escalated = escalated === 'true';
  return f;
}

const matches = (c: CaseListing, f: QueueFilter, now: number): boolean => {
  if (f.status === 'open' && c.decision) return false;
  if (f.status === 'closed' && !c.decision) return false;
  if (f.outcome && c.outcome !== f.outcome) return false;
  if (f.minAmount !== undefined && c.amount < f.minAmount) return false;
  if (f.maxAmount !== undefined && c.amount > f.maxAmount) return false;
  const ageH = (now - Date.parse(c.created_at)) / 3_600_000;
  if (f.minAgeHours !== undefined && ageH < f.minAgeHours) return false;
  if (f.maxAgeHours !== undefined && ageH > f.maxAgeHours) return false;
  if (f.rule && !c.rules.includes(f.rule)) return false;
  if (f.escalated !== undefined && c.escalated !== f.escalated) return false;
  return true;
};

/**
 * The queue as the server holds it: every case's listing in memory, oldest first, read from the store
 * at start and again every `refreshMs` (other analysts' and the CLI's decisions, act's new cases), and
 * updated at once by this server's own decisions. Filters and pages are served from memory, so a
 * queue of 10,000 answers in milliseconds; the store is read for one case at a time only.
 */
export class QueueIndex {
  private cases: CaseListing[] = [];
  private decisions: Pick<CaseDecision, 'decided_at' | 'label' | 'had_case'>[] = [];
  private byId = new Map<string, CaseListing>();
  loadedAt = new Date(0);

  constructor(private readonly store: CaseStore, readonly maxAgeHours: number) {}

  async refresh(): Promise<void> {
    const cases = await this.store.list({ limit: Number.MAX_SAFE_INTEGER });
    // Oldest first: the case waiting longest is decided first; ties by id, so paging is stable.
    cases.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.case_id.localeCompare(b.case_id));
    this.cases = cases;
    this.byId = new Map(cases.map((c) => [c.case_id, c]));
    // The numbers count decided reviews, which are the closed cases' listings: no read of every decision
    // (a label imported without a case is not a review; a case is never created after its decision).
    this.decisions = cases.flatMap((c) => (c.decision && c.decided_at ? [{ decided_at: c.decided_at, label: c.decision, had_case: true }] : []));
    this.loadedAt = new Date();
  }

  /** This server's own decision or escalation, reflected before the next refresh. */
  update(caseId: string, change: { decision?: CaseDecision; escalated?: boolean; labelPending?: boolean }): void {
    const c = this.byId.get(caseId);
    if (!c) return;
    if (change.labelPending === true) c.label_pending = true;
    if (change.labelPending === false) delete c.label_pending;
    // Counted once: a refused second decision reports the first, which may be here already.
    if (change.decision && !c.decision) {
      c.decision = change.decision.label;
      c.decided_at = change.decision.decided_at;
      this.decisions.push(change.decision);
    }
    if (change.escalated) c.escalated = true;
  }

  page(f: QueueFilter, offset: number, limit: number, now = new Date()): { total: number; items: CaseListing[] } {
    const t = now.getTime();
    const all = this.cases.filter((c) => matches(c, f, t));
    return { total: all.length, items: all.slice(offset, offset + limit) };
  }

  /** Decided cases whose label has not gone out (or been applied) yet. */
  pendingLabels(): string[] {
    return this.cases.filter((c) => c.label_pending).map((c) => c.case_id);
  }

  rules(): string[] {
    return [...new Set(this.cases.flatMap((c) => c.rules))].sort();
  }

  stats(now = new Date()): QueueStats {
    return queueStats(this.cases, this.decisions, now, this.maxAgeHours);
  }
}
