import type { DecodedMskRecord, FraudLabel, TopicProducer } from '@sfc/shared';
import { labelBatch, type LabelDeps } from '../pipeline/labelBatch.js';

/** Where decisions' labels go: the labels topic (Kafka), or, with the in-process topics of npm start, straight through the label function's code. */
export interface LabelSink {
  /** Resolves once the labels are on the topic (or applied); throws when they are not, so the decision stays pending. */
  send(labels: FraudLabel[]): Promise<void>;
  /** Where they went, for the CLI's output. */
  readonly where: string;
  /** What a sent label's mark means, for the case view ("on the labels topic", "applied: ..."). */
  readonly done: string;
}

const asMessage = (l: FraudLabel) => ({ key: l.entity_id, value: JSON.stringify(l) });

/** The labels topic; keyed by entity, as the label function's partitions expect. */
export const topicLabelSink = (producer: TopicProducer, topic: string): LabelSink => ({
  where: `topic ${topic}`,
  done: `on the labels topic ${topic} (the label function applies it)`,
  send: async (labels) => { if (labels.length > 0) await producer.send(topic, labels.map(asMessage)); },
});

let sequence = 0;

/**
 * TOPICS=memory: the in-process log lives only as long as one process and no label function consumes
 * it, so a decision's label goes straight through the label function's own code (`labelBatch`, with
 * the deps `labelDepsFrom` gives it): kept in the lake and folded into the entity state. Records are
 * made as the topic would deliver them; their offsets (time, process id, sequence) differ between
 * calls and processes, so no two calls share a lake object. A failure throws: the decision's label
 * stays pending and is applied again later (decide.ts), and the lake and the entity state take a
 * repeat (the lake keeps repeats, the state applies an event's label once).
 */
export function appliedLabelSink(deps: LabelDeps, topic: string, done: string): LabelSink {
  return {
    where: `the label function's code (${done})`,
    done: `applied: ${done}`,
    send: async (labels) => {
      if (labels.length === 0) return;
      const now = Date.now();
      const first = `${now}${String(process.pid % 1e7).padStart(7, '0')}${String(sequence % 1e6).padStart(6, '0')}`;
      sequence += labels.length;
      const records: DecodedMskRecord[] = labels.map((l, i) => ({
        topic, partition: 0, offset: (BigInt(first) + BigInt(i)).toString(), timestamp: now, key: l.entity_id, value: Buffer.from(JSON.stringify(l)),
      }));
      const summary = await labelBatch(records, deps);
      if (summary.deadLettered > 0) throw new Error(`${summary.deadLettered} of ${labels.length} labels were refused by the label function (see the DLQ topic ${deps.dlqTopic})`);
    },
  };
}
