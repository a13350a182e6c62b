import { resolve } from 'node:path';
import type { TxnConfig } from '../config.js';
import { topicsFrom } from '../context.js';
import { labelDepsFrom } from '../deps/labelDeps.js';
import { appliedLabelSink, topicLabelSink, type LabelSink } from './labelSink.js';

// Apart from cli.ts, whose top-level await a Lambda bundle (CommonJS) cannot hold: the review function imports this.
/**
 * The labels' destination the configuration implies: the labels topic with Kafka; with TOPICS=memory
 * (npm start's in-process log, gone with its process) the label function's own code, at once.
 */
export async function labelSinkFrom(c: TxnConfig): Promise<{ sink: LabelSink; close(): Promise<void> }> {
  if (c.TOPICS === 'memory') {
    const lake = c.OBJECT_STORE === 'fs' ? `${resolve(c.DATA_DIR, c.LAKE_BUCKET, c.LAKE_LABELS_PREFIX)}/dt=<label day>/` : `s3://${c.LAKE_BUCKET}/${c.LAKE_LABELS_PREFIX}/dt=<label day>/`;
    const state = c.ENTITY_STATE === 'memory'
      ? "this process's entity state (ENTITY_STATE=memory: gone when it ends; scoring in another process does not see it)"
      : `the entity table ${c.ENTITY_TABLE}, which score reads`;
    return { sink: appliedLabelSink(await labelDepsFrom(c), c.LABELS_TOPIC, `in the lake, ${lake}, and ${state}`), close: async () => undefined };
  }
  const topics = await topicsFrom(c);
  return { sink: topicLabelSink(topics, c.LABELS_TOPIC), close: () => topics.close() };
}
