import type { Outcome } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import { simulatorFrom } from '../context.js';
import type { ActSummary } from '../pipeline/actBatch.js';
import type { ScoreSummary } from '../pipeline/scoreBatch.js';
import type { MetricsSummary } from './metricsSummary.js';

export interface RunOptions {
  /** Transactions to produce. */
  count: number;
  /** Transactions per produce run (one scheduled tick). */
  tick: number;
  /** Malformed records to inject, to show the DLQ at work. */
  bad?: number;
  /** Records per handler invocation, as the event source mapping's batch size. */
  batchSize?: number;
  /** Simulated time the run ends at (default now). */
  end?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface RunSummary {
  produced: number;
  injectedBad: number;
  scored: number;
  deadLettered: number;
  outcomes: Record<Outcome, number>;
  lakeRows: number;
  lakeObjects: number;
  alerts: number;
  /** Records of batches that used up their attempts and went to the on-failure destination. */
  failedRecords: number;
  ttdfMs: { p50: number; p95: number; p99: number };
  seconds: number;
  /** Simulated time span the run's event times cover. */
  window: { from: Date; to: Date };
  /** The run's metrics as the handlers emitted them (EMF), where the runtime collects them. */
  metrics?: MetricsSummary;
}

export const emptyRunSummary = (): RunSummary => ({
  produced: 0, injectedBad: 0, scored: 0, deadLettered: 0, outcomes: { approve: 0, review: 0, block: 0 },
  lakeRows: 0, lakeObjects: 0, alerts: 0, failedRecords: 0, ttdfMs: { p50: NaN, p95: NaN, p99: NaN }, seconds: 0,
  window: { from: new Date(), to: new Date() },
});

/** Adds one score batch's result to the run's totals. */
export function countScored(s: RunSummary, r: ScoreSummary): void {
  s.scored += r.scored;
  s.deadLettered += r.deadLettered;
  for (const k of Object.keys(r.outcomes) as Outcome[]) s.outcomes[k] += r.outcomes[k];
}

/** Adds one act batch's result to the run's totals. */
export function countActed(s: RunSummary, r: ActSummary): void {
  s.lakeRows += r.written;
  s.lakeObjects += r.objects.length;
  s.alerts += r.alerts;
}

/**
 * The produce runs of a local run: consecutive windows ending at `end`, each as long as the
 * simulated population takes to make `tick` transactions, so per-customer history looks real.
 */
export function produceTicks(config: TxnConfig, o: RunOptions): { from: number; to: number; count: number }[] {
  const windowMs = (o.tick / simulatorFrom(config).eventsPerDay) * 86_400_000;
  const ticks = Math.ceil(o.count / o.tick);
  const end = o.end ?? Date.now();
  return Array.from({ length: ticks }, (_, t) => {
    const from = end - (ticks - t) * windowMs;
    return { from, to: from + windowMs, count: Math.min(o.tick, o.count - t * o.tick) };
  });
}
