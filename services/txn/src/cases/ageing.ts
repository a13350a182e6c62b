import type { CaseDecision } from '@sfc/shared';
import { MetricUnit, type Metrics } from '@sfc/shared/observability/metrics.js';
import type { CaseListing } from './CaseStore.js';

/** The queue in numbers: what the review page's header shows and the ageing metrics report. */
export interface QueueStats {
  open: number;
  escalated: number;
  /** Open cases created more than CASE_MAX_AGE_HOURS ago: counted and alarmed (CasesOverAge). */
  overAge: number;
  maxAgeHours: number;
  /** Age of the oldest open case in seconds (0: none open). */
  oldestOpenAgeS: number;
  /** Decisions per UTC day, latest first, at most `days` days. */
  decidedPerDay: { day: string; decided: number; fraud: number }[];
  /** Share of decided reviews labelled fraud (null: none decided yet). */
  fraudShare: number | null;
}

export function queueStats(cases: Iterable<CaseListing>, decisions: Iterable<Pick<CaseDecision, 'decided_at' | 'label' | 'had_case'>>, now: Date, maxAgeHours: number, days = 14): QueueStats {
  let open = 0, escalated = 0, overAge = 0, oldest = now.getTime();
  const limit = now.getTime() - maxAgeHours * 3_600_000;
  for (const c of cases) {
    if (c.decision) continue;
    open += 1;
    if (c.escalated) escalated += 1;
    const created = Date.parse(c.created_at);
    if (created < limit) overAge += 1;
    oldest = Math.min(oldest, created);
  }
  const perDay = new Map<string, { decided: number; fraud: number }>();
  let decided = 0, fraud = 0;
  for (const d of decisions) {
    if (!d.had_case) continue; // an imported label without a case is not a review
    const day = d.decided_at.slice(0, 10);
    const e = perDay.get(day) ?? { decided: 0, fraud: 0 };
    e.decided += 1;
    decided += 1;
    if (d.label === 'fraud') { e.fraud += 1; fraud += 1; }
    perDay.set(day, e);
  }
  const decidedPerDay = [...perDay].sort(([a], [b]) => b.localeCompare(a)).slice(0, days).map(([day, e]) => ({ day, ...e }));
  return { open, escalated, overAge, maxAgeHours, oldestOpenAgeS: Math.max(0, Math.round((now.getTime() - oldest) / 1000)), decidedPerDay, fraudShare: decided > 0 ? fraud / decided : null };
}

/** The ageing metrics (EMF): CasesOpen, CasesOverAge (alarmed, operations.yml), OldestOpenCaseAge in seconds. */
export function recordCaseAgeing(s: QueueStats, m: Metrics): void {
  m.addMetric('CasesOpen', MetricUnit.Count, s.open);
  m.addMetric('CasesOverAge', MetricUnit.Count, s.overAge);
  m.addMetric('OldestOpenCaseAge', MetricUnit.Seconds, s.oldestOpenAgeS);
}
