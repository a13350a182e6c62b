import { scheduledEvent, sleep, type MskEvent, type Outcome } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import { simulatorFrom } from '../context.js';
import { handler as produceHandler } from '../handlers/produce.js';
import { badRecords } from '../local/badRecords.js';
import type { EmbeddedRunOptions, EmbeddedRunSummary } from '../local/embeddedPipeline.js';
import { percentile } from '../local/stats.js';
import { kafkaActRunner } from './kafkaActRunner.js';
import { kafkaScoreRunner } from './kafkaScoreRunner.js';
import { kafkaTopicsFrom } from './kafkaTopicsFrom.js';

/** Collects fd.ttdf_ms of every scored record `act` received. */
export function ttdfObserver(into: number[]): (event: MskEvent) => void {
  return (event) => {
    for (const records of Object.values(event.records)) {
      for (const r of records) {
        try {
          into.push((JSON.parse(Buffer.from(r.value, 'base64').toString('utf8')) as { fd: { ttdf_ms: number } }).fd.ttdf_ms);
        } catch {
          // a malformed record went to the DLQ; it has no decision time
        }
      }
    }
  };
}

/**
 * Runs produce -> score -> act over a real Kafka broker (TOPICS=kafka): the produce handler writes to
 * the transactions topic, and two event-source runners drive the same score and act handlers as AWS.
 * Returns when everything produced has been scored or dead-lettered and acted on.
 */
export async function runKafkaPipeline(config: TxnConfig, o: EmbeddedRunOptions & { idleTimeoutMs?: number }): Promise<EmbeddedRunSummary> {
  const started = performance.now();
  const topics = await kafkaTopicsFrom(config);
  await topics.ensureTopics([config.TRANSACTIONS_TOPIC, config.PROCESSED_TOPIC, config.DLQ_TOPIC].map((name) => ({ name, partitions: config.TOPIC_PARTITIONS })));
  const s: EmbeddedRunSummary = {
    produced: 0, injectedBad: 0, scored: 0, deadLettered: 0, outcomes: { approve: 0, review: 0, block: 0 },
    lakeRows: 0, lakeObjects: 0, alerts: 0, ttdfMs: { p50: NaN, p95: NaN, p99: NaN }, seconds: 0,
    window: { from: new Date(), to: new Date() },
  };
  const ttdf: number[] = [];
  const batch = o.batchSize ? { batchSize: o.batchSize } : {};
  const scorer = await kafkaScoreRunner(config, batch, { onBatch: (r) => {
    s.scored += r.scored;
    s.deadLettered += r.deadLettered;
    for (const k of Object.keys(r.outcomes) as Outcome[]) s.outcomes[k] += r.outcomes[k];
  } });
  const actor = await kafkaActRunner(config, batch, { onBatch: (r) => {
    s.lakeRows += r.written;
    s.lakeObjects += r.objects.length;
    s.alerts += r.alerts;
  }, observe: ttdfObserver(ttdf) });
  const running = [scorer.runner.run(), actor.runner.run()];
  try {
    const windowMs = (o.tick / simulatorFrom(config).eventsPerDay) * 86_400_000;
    const ticks = Math.ceil(o.count / o.tick);
    const end = o.end ?? Date.now();
    s.window = { from: new Date(end - ticks * windowMs), to: new Date(end) };
    for (let t = 0; t < ticks; t++) {
      const from = end - (ticks - t) * windowMs;
      const count = Math.min(o.tick, o.count - t * o.tick);
      s.produced += (await produceHandler(scheduledEvent({ count, from: new Date(from).toISOString(), to: new Date(from + windowMs).toISOString() }))).produced;
      if (t === 0 && (o.bad ?? 0) > 0) {
        const sample = simulatorFrom(config).generate(from, from + windowMs, 1)[0]!.transaction as unknown as Record<string, unknown>;
        await topics.send(config.TRANSACTIONS_TOPIC, badRecords(o.bad!, sample));
        s.injectedBad = o.bad!;
      }
      o.onProgress?.(s.scored + s.deadLettered, o.count + (o.bad ?? 0));
    }
    // Wait for the stream to drain; give up only when nothing moves for idleTimeoutMs.
    let last = -1;
    let lastMove = Date.now();
    while (s.scored + s.deadLettered < s.produced + s.injectedBad || s.lakeRows < s.scored) {
      const progress = s.scored + s.deadLettered + s.lakeRows;
      if (progress !== last) [last, lastMove] = [progress, Date.now()];
      if (Date.now() - lastMove > (o.idleTimeoutMs ?? 120_000)) throw new Error(`kafka pipeline stalled: ${JSON.stringify(s)}`);
      o.onProgress?.(s.scored + s.deadLettered, s.produced + s.injectedBad);
      await sleep(100);
    }
  } finally {
    scorer.runner.stop();
    actor.runner.stop();
    await Promise.all(running);
    await Promise.all([scorer.close(), actor.close(), topics.close()]);
  }
  s.ttdfMs = { p50: percentile(ttdf, 50), p95: percentile(ttdf, 95), p99: percentile(ttdf, 99) };
  s.seconds = (performance.now() - started) / 1000;
  return s;
}
