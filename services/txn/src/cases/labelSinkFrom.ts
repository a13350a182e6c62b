import { join } from 'node:path';
import type { TxnConfig } from '../config.js';
import { topicsFrom } from '../context.js';
import { mskFileLabelSink, topicLabelSink, type LabelSink } from './labelSink.js';

// Apart from cli.ts, whose top-level await a Lambda bundle (CommonJS) cannot hold: the review function imports this.
/** The labels' destination the configuration implies. */
export async function labelSinkFrom(c: TxnConfig): Promise<{ sink: LabelSink; close(): Promise<void> }> {
  if (c.TOPICS === 'memory') return { sink: mskFileLabelSink(join(c.DATA_DIR, 'cases', 'labels'), c.LABELS_TOPIC), close: async () => undefined };
  const topics = await topicsFrom(c);
  return { sink: topicLabelSink(topics, c.LABELS_TOPIC), close: () => topics.close() };
}

