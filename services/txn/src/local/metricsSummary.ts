import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Outcome } from '@sfc/shared';
import { emfSum, emfValues, parseEmf } from '@sfc/shared/observability/emf.js';
import { percentile } from './stats.js';

/** What the handlers' EMF metrics of one run add up to, as CloudWatch would show them. */
export interface MetricsSummary {
  file: string;
  scored: Record<Outcome, number>;
  deadLettered: number;
  alertsSent: number;
  alertsSuppressed: number;
  ttdfP99Ms: number;
}

/** Where a file ends now: a run reads only the EMF lines it appended after this. */
export const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

/** Reads the EMF lines appended to `file` from byte `from` on (Powertools Metrics' output). */
export function readMetricsSummary(file: string, from: number): MetricsSummary {
  const text = existsSync(file) ? readFileSync(file).subarray(from).toString('utf8') : '';
  const values = parseEmf(text.split('\n'));
  const scored = (outcome: Outcome) => emfSum(values, 'TransactionsScored', { outcome });
  return {
    file,
    scored: { approve: scored('approve'), review: scored('review'), block: scored('block') },
    deadLettered: emfSum(values, 'RecordsDeadLettered'),
    alertsSent: emfSum(values, 'AlertsSent'),
    alertsSuppressed: emfSum(values, 'AlertsSuppressed'),
    ttdfP99Ms: percentile(emfValues(values, 'TimeToDetectFraud'), 99),
  };
}
