import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toMskEvent, type FraudLabel, type TopicProducer } from '@sfc/shared';

/** Where decisions' labels go: the labels topic (Kafka), or, with the in-process topics of npm start, a file the label handler's local run reads. */
export interface LabelSink {
  send(labels: FraudLabel[]): Promise<void>;
  /** Where they went, for the CLI's output. */
  readonly where: string;
}

const asMessage = (l: FraudLabel) => ({ key: l.entity_id, value: JSON.stringify(l) });

/** The labels topic; keyed by entity, as the label function's partitions expect. */
export const topicLabelSink = (producer: TopicProducer, topic: string): LabelSink => ({
  where: `topic ${topic}`,
  send: async (labels) => { if (labels.length > 0) await producer.send(topic, labels.map(asMessage)); },
});

/**
 * TOPICS=memory: the in-process log lives only as long as one process, so a CLI run writes its labels
 * as an MSK event file under `dir` (one per call), exactly what
 * `npx serverless invoke local --stage local -f label --path <file>` takes.
 */
export function mskFileLabelSink(dir: string, topic: string): LabelSink {
  let n = 0;
  return {
    where: `MSK event files under ${dir} (serverless invoke local -f label --path <file>)`,
    send: async (labels) => {
      if (labels.length === 0) return;
      await mkdir(dir, { recursive: true });
      const now = Date.now();
      const event = toMskEvent(labels.map((l, i) => ({
        topic, partition: 0, offset: String(now * 1000 + i), timestamp: now, key: Buffer.from(l.entity_id), value: Buffer.from(JSON.stringify(l)), headers: {},
      })));
      await writeFile(join(dir, `labels-${new Date(now).toISOString().replace(/[:.]/g, '-')}-${process.pid}-${n++}.json`), `${JSON.stringify(event, null, 2)}\n`);
    },
  };
}
