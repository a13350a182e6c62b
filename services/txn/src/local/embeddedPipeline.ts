import { EventSourceRunner, MemoryRecordSource, scheduledEvent, type MskEvent, type Outcome } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import { embeddedTopics } from '../context.js';
import { handler as produceHandler } from '../handlers/produce.js';
import { handler as scoreHandler } from '../handlers/score.js';
import { handler as actHandler } from '../handlers/act.js';
import type { ScoreSummary } from '../pipeline/scoreBatch.js';
import type { ActSummary } from '../pipeline/actBatch.js';
import { simulatorFrom } from '../context.js';
import { badRecords } from './badRecords.js';
import { percentile } from './stats.js';

export interface EmbeddedRunOptions {
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

export interface EmbeddedRunSummary {
  produced: number;
  injectedBad: number;
  scored: number;
  deadLettered: number;
  outcomes: Record<Outcome, number>;
  lakeRows: number;
  lakeObjects: number;
  alerts: number;
  ttdfMs: { p50: number; p95: number; p99: number };
  seconds: number;
  /** Simulated time span the run's event times cover. */
  window: { from: Date; to: Date };
}

/**
 * Runs produce -> score -> act in one process over the in-process log, calling the same Lambda
 * handlers as AWS with the same event shapes. Configuration comes from process.env (see config.ts).
 */
export async function runEmbeddedPipeline(config: TxnConfig, o: EmbeddedRunOptions): Promise<EmbeddedRunSummary> {
  const started = performance.now();
  const topics = embeddedTopics();
  await topics.ensureTopics([config.TRANSACTIONS_TOPIC, config.PROCESSED_TOPIC, config.DLQ_TOPIC].map((name) => ({ name, partitions: config.TOPIC_PARTITIONS })));
  const summary: EmbeddedRunSummary = {
    produced: 0, injectedBad: 0, scored: 0, deadLettered: 0, outcomes: { approve: 0, review: 0, block: 0 },
    lakeRows: 0, lakeObjects: 0, alerts: 0, ttdfMs: { p50: NaN, p95: NaN, p99: NaN }, seconds: 0,
    window: { from: new Date(), to: new Date() },
  };
  const ttdf: number[] = [];
  const batchSize = o.batchSize ?? 500;
  const scorer = new EventSourceRunner<ScoreSummary>({
    name: 'score', source: new MemoryRecordSource(topics, 'txn-score', config.TRANSACTIONS_TOPIC),
    handler: scoreHandler as (e: MskEvent) => Promise<ScoreSummary>, batchSize, maximumBatchingWindowMs: 0,
    onBatch: (r) => {
      summary.scored += r.scored;
      summary.deadLettered += r.deadLettered;
      for (const k of Object.keys(r.outcomes) as Outcome[]) summary.outcomes[k] += r.outcomes[k];
    },
  });
  const actor = new EventSourceRunner<ActSummary>({
    name: 'act', source: new MemoryRecordSource(topics, 'txn-act', config.PROCESSED_TOPIC),
    handler: actHandler as (e: MskEvent) => Promise<ActSummary>, batchSize, maximumBatchingWindowMs: 0,
    onBatch: (r) => {
      summary.lakeRows += r.written;
      summary.lakeObjects += r.objects.length;
      summary.alerts += r.alerts;
    },
  });
  // Simulated time advances with the population's natural rate, so per-customer history looks real.
  const windowMs = (o.tick / simulatorFrom(config).eventsPerDay) * 86_400_000;
  const ticks = Math.ceil(o.count / o.tick);
  const end = o.end ?? Date.now();
  summary.window = { from: new Date(end - ticks * windowMs), to: new Date(end) };
  for (let t = 0; t < ticks; t++) {
    const count = Math.min(o.tick, o.count - t * o.tick);
    const from = end - (ticks - t) * windowMs;
    const result = await produceHandler(scheduledEvent({ count, from: new Date(from).toISOString(), to: new Date(from + windowMs).toISOString() }));
    summary.produced += result.produced;
    if (t === 0 && (o.bad ?? 0) > 0) {
      const sample = JSON.parse(topics.readAll(config.TRANSACTIONS_TOPIC)[0]!.value.toString('utf8')) as Record<string, unknown>;
      await topics.send(config.TRANSACTIONS_TOPIC, badRecords(o.bad!, sample));
      summary.injectedBad = o.bad!;
    }
    await scorer.drain();
    await actor.drain();
    o.onProgress?.(summary.produced, o.count);
  }
  for (const r of topics.readAll(config.PROCESSED_TOPIC)) ttdf.push((JSON.parse(r.value.toString('utf8')) as { fd: { ttdf_ms: number } }).fd.ttdf_ms);
  summary.ttdfMs = { p50: percentile(ttdf, 50), p95: percentile(ttdf, 95), p99: percentile(ttdf, 99) };
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
