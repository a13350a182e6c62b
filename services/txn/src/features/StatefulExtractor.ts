import type { EntityState } from '@sfc/shared';
import { contentOf, replayId, sameContent } from '../scoring/replay.js';
import { BatchState } from './BatchState.js';
import type { FeatureEngine } from './FeatureEngine.js';
import type { EventInput } from './types.js';

/** One batch's features, and what to write back once it is decided. */
export interface Extraction {
  /** Feature rows of the events scored now, `engine.count` values each. */
  values: Float32Array;
  /** For each row, the index of its event in the batch. */
  fresh: number[];
  /** Events already in the replay window: their remembered decision (a replay vector). */
  remembered: Map<number, number[]>;
  /** Repeats within the batch: the index of the event's first occurrence. */
  repeats: Map<number, number>;
  /**
   * Events whose id was already used for other content (in the replay window, or earlier in the
   * batch): not scored, no state changed; the reason names no value of either event.
   */
  conflicts: Map<number, string>;
  /** Each event's replay id (`e:<event_id>`), to remember its decision under. */
  replayIds: string[];
  /** Each event's content fingerprint, kept with its decision (empty when replays are off). */
  contents: [number, number][];
  /** Writes the fresh events' decisions (replay vectors by event id), then the changed state. */
  commit(decisions: Map<string, number[]>): Promise<void>;
}

/**
 * Features of a batch against an entity store, the serving side of the one feature definition: one
 * read of every state the batch needs (entities, keys, replay records), features in arrival order,
 * one write back. An event already in the replay window (same id, same content) is not computed again
 * and changes nothing; an id reused for other content is a conflict, not a replay.
 */
export class StatefulExtractor {
  constructor(private readonly engine: FeatureEngine, private readonly state: EntityState<number[]>, private readonly replayTtlSeconds: number) {}

  async extract(events: EventInput[]): Promise<Extraction> {
    const engine = this.engine;
    const F = engine.count;
    const replay = this.replayTtlSeconds > 0;
    const ids = events.map((ev) => engine.idsOf(ev));
    const replayIds = events.map((ev) => replayId(ev.eventId));
    // Without a replay window (batch scoring of files) every row is scored: ids need not be unique there.
    const contents = replay ? events.map(contentOf) : [];
    const wanted = new Set<string>();
    for (let i = 0; i < events.length; i++) {
      if (replay) wanted.add(replayIds[i]!);
      for (const id of ids[i]!) if (id !== undefined) wanted.add(id);
    }
    const state = new BatchState(await this.state.getMany([...wanted]));
    const values = new Float32Array(events.length * F);
    const fresh: number[] = [];
    const remembered = new Map<number, number[]>();
    const repeats = new Map<number, number>();
    const conflicts = new Map<number, string>();
    const firstIn = new Map<string, number>();
    events.forEach((ev, i) => {
      if (replay) {
        // The remembered decision's content is the reference; else the batch's first use of the id.
        const known = state.get(replayIds[i]!);
        if (known) {
          if (sameContent(known, contents[i]!)) remembered.set(i, known as number[]);
          else conflicts.set(i, 'event_id was already scored within ENTITY_REPLAY_HOURS for a transaction with other content: an event id names one transaction');
          return;
        }
        const first = firstIn.get(ev.eventId);
        if (first !== undefined) {
          const [a, b] = contents[i]!;
          if (contents[first]![0] === a && contents[first]![1] === b) repeats.set(i, first);
          else conflicts.set(i, `event_id is used earlier in this batch (record ${first + 1} of ${events.length}) by a transaction with other content: an event id names one transaction`);
          return;
        }
        firstIn.set(ev.eventId, i);
      }
      engine.step(ev, state, values, fresh.length * F, ids[i]);
      fresh.push(i);
    });
    return {
      values: values.subarray(0, fresh.length * F),
      fresh, remembered, repeats, conflicts, replayIds, contents,
      commit: async (decisions) => {
        // Decisions first: if the state write then fails, the retry repeats these decisions and the
        // events' contributions to the state are missing rather than counted twice.
        if (replay && decisions.size > 0) await this.state.putMany(decisions, { ttlSeconds: this.replayTtlSeconds });
        await this.state.putMany(state.changed());
      },
    };
  }
}
