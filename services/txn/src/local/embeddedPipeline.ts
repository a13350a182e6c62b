import { join } from 'node:path';
import { EventSourceRunner, MemoryRecordSource, scheduledEvent, type MskEvent } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import { embeddedTopics } from '../context.js';
import { handler as produceHandler } from '../handlers/produce.js';
import { handler as scoreHandler } from '../handlers/score.js';
import { handler as actHandler } from '../handlers/act.js';
import type { ScoreSummary } from '../pipeline/scoreBatch.js';
import type { ActSummary } from '../pipeline/actBatch.js';
import { badRecords } from './badRecords.js';
import { percentile } from './stats.js';
import { readMetricsSummary, sizeOf } from './metricsSummary.js';
import { failureDestinationFrom } from './failureDestination.js';
import { countActed, countScored, emptyRunSummary, produceTicks, type RunOptions, type RunSummary } from './runSummary.js';

/**
 * Runs produce -> score -> act in one process over the in-process log, calling the same Lambda
 * handlers as AWS with the same event shapes. Configuration comes from process.env (see config.ts).
 */
export async function runEmbeddedPipeline(config: TxnConfig, o: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  // The handlers' CloudWatch metrics (EMF) go to a file locally; the summary reads back this run's.
  const ownMetricsFile = !process.env.METRICS_FILE;
  const metricsFile = (process.env.METRICS_FILE ||= join(config.DATA_DIR, 'metrics', 'emf.jsonl'));
  const metricsFrom = sizeOf(metricsFile);
  const topics = embeddedTopics();
  await topics.ensureTopics([config.TRANSACTIONS_TOPIC, config.PROCESSED_TOPIC, config.DLQ_TOPIC].map((name) => ({ name, partitions: config.TOPIC_PARTITIONS })));
  const summary = emptyRunSummary();
  const ttdf: number[] = [];
  const batchSize = o.batchSize ?? 500;
  const scorer = new EventSourceRunner<ScoreSummary>({
    name: 'score', source: new MemoryRecordSource(topics, 'txn-score', config.TRANSACTIONS_TOPIC),
    handler: scoreHandler as (e: MskEvent) => Promise<ScoreSummary>, batchSize, maximumBatchingWindowMs: 0,
    maxAttempts: config.MAX_BATCH_ATTEMPTS, onFailure: await failureDestinationFrom(config, 'score'), onFailed: (_k, n) => { summary.failedRecords += n; },
    onBatch: (r) => countScored(summary, r),
  });
  const actor = new EventSourceRunner<ActSummary>({
    name: 'act', source: new MemoryRecordSource(topics, 'txn-act', config.PROCESSED_TOPIC),
    handler: actHandler as (e: MskEvent) => Promise<ActSummary>, batchSize, maximumBatchingWindowMs: 0,
    maxAttempts: config.MAX_BATCH_ATTEMPTS, onFailure: await failureDestinationFrom(config, 'act'), onFailed: (_k, n) => { summary.failedRecords += n; },
    onBatch: (r) => countActed(summary, r),
  });
  const ticks = produceTicks(config, o);
  summary.window = { from: new Date(ticks[0]?.from ?? Date.now()), to: new Date(ticks.at(-1)?.to ?? Date.now()) };
  for (const [t, { from, to, count }] of ticks.entries()) {
    const result = await produceHandler(scheduledEvent({ count, from: new Date(from).toISOString(), to: new Date(to).toISOString() }));
    summary.produced += result.produced;
    if (t === 0 && (o.bad ?? 0) > 0) {
      const sample = JSON.parse(topics.readAll(config.TRANSACTIONS_TOPIC)[0]!.value.toString('utf8')) as Record<string, unknown>;
      await topics.send(config.TRANSACTIONS_TOPIC, badRecords(o.bad!, sample, config.MAX_RECORD_BYTES));
      summary.injectedBad = o.bad!;
    }
    await scorer.drain();
    await actor.drain();
    o.onProgress?.(summary.produced, o.count);
  }
  for (const r of topics.readAll(config.PROCESSED_TOPIC)) ttdf.push((JSON.parse(r.value.toString('utf8')) as { fd: { ttdf_ms: number } }).fd.ttdf_ms);
  summary.ttdfMs = { p50: percentile(ttdf, 50), p95: percentile(ttdf, 95), p99: percentile(ttdf, 99) };
  summary.seconds = (performance.now() - started) / 1000;
  summary.metrics = readMetricsSummary(metricsFile, metricsFrom);
  if (ownMetricsFile) delete process.env.METRICS_FILE;
  return summary;
}
