import type { TopicRecord } from '../ports/Topics.js';

/** Where an event-source runner gets batches from and acknowledges them to. */
export interface RecordSource {
  /** Up to `max` records, waiting at most `windowMs` for more to arrive; [] when none are available. */
  poll(max: number, windowMs: number): Promise<TopicRecord[]>;
  /** Called only after the handler returned: marks the batch consumed. */
  commit(records: TopicRecord[]): Promise<void>;
  /** Records still waiting to be consumed, when the source can tell. */
  lag?(): Promise<number>;
}
