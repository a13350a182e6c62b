import { scheduledEvent, sleep, type MskEvent } from '@sfc/shared';
import type { TxnConfig } from '../config.js';
import { simulatorFrom } from '../context.js';
import { handler as produceHandler } from '../handlers/produce.js';
import { badRecords } from '../local/badRecords.js';
import { countActed, countScored, emptyRunSummary, produceTicks, type RunOptions, type RunSummary } from '../local/runSummary.js';
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
export async function runKafkaPipeline(config: TxnConfig, o: RunOptions & { idleTimeoutMs?: number }): Promise<RunSummary> {
  const started = performance.now();
  const topics = await kafkaTopicsFrom(config);
  await topics.ensureTopics([config.TRANSACTIONS_TOPIC, config.PROCESSED_TOPIC, config.DLQ_TOPIC].map((name) => ({ name, partitions: config.TOPIC_PARTITIONS })));
  const s = emptyRunSummary();
  const ttdf: number[] = [];
  const batch = o.batchSize ? { batchSize: o.batchSize } : {};
  const scorer = await kafkaScoreRunner(config, batch, { onBatch: (r) => countScored(s, r) });
  const actor = await kafkaActRunner(config, batch, { onBatch: (r) => countActed(s, r), observe: ttdfObserver(ttdf) });
  const running = [scorer.runner.run(), actor.runner.run()];
  try {
    const ticks = produceTicks(config, o);
    s.window = { from: new Date(ticks[0]?.from ?? Date.now()), to: new Date(ticks.at(-1)?.to ?? Date.now()) };
    for (const [t, { from, to, count }] of ticks.entries()) {
      s.produced += (await produceHandler(scheduledEvent({ count, from: new Date(from).toISOString(), to: new Date(to).toISOString() }))).produced;
      if (t === 0 && (o.bad ?? 0) > 0) {
        const sample = simulatorFrom(config).generate(from, to, 1)[0]!.transaction as unknown as Record<string, unknown>;
        await topics.send(config.TRANSACTIONS_TOPIC, badRecords(o.bad!, sample, config.MAX_RECORD_BYTES));
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
