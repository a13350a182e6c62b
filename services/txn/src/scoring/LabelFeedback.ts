import type { EntityState, FraudLabel } from '@sfc/shared';
import { AFD_VARIABLES } from '../afd/variables.js';
import { BatchState } from '../features/BatchState.js';
import type { ModelFeatures } from '../features/modelFeatures.js';
import { labelledId } from './replay.js';

export interface LabelSummary {
  received: number;
  /** Fraud labels folded into the state. */
  applied: number;
  /** Legitimate labels: nothing to update (the features count known frauds). */
  legit: number;
  /** Labels already applied (a retried batch, or the same label sent twice). */
  repeated: number;
  /** Fraud labels missing the value of a labelled aggregation key (e.g. no merchant): applied to the rest. */
  missingKeys: number;
}

/**
 * The live half of label feedback: fraud labels coming back (the labels topic) update the known-fraud
 * counts of the entity and of the labelled aggregation keys, as training did at LABEL_TIMESTAMP.
 * Replay-safe like scoring: a label already applied in the replay window is not counted again.
 */
export class LabelFeedback {
  constructor(private readonly features: ModelFeatures, private readonly state: EntityState<number[]>, private readonly replayTtlSeconds: number) {}

  async apply(labels: FraudLabel[]): Promise<LabelSummary> {
    const { engine, eventType, fields } = this.features;
    const summary: LabelSummary = { received: labels.length, applied: 0, legit: 0, repeated: 0, missingKeys: 0 };
    const fraud = labels.filter((l) => l.label === 'fraud');
    summary.legit = labels.length - fraud.length;
    if (fraud.length === 0) return summary;
    const events = fraud.map((l) => ({
      entityId: l.entity_id,
      // Values by the transaction's field name or the event type's variable name.
      values: eventType.variables.map((v, i) => l.variables[v.name] ?? (fields[i] ? l.variables[fields[i]!] ?? l.variables[AFD_VARIABLES[fields[i]!][0]] : undefined)),
    }));
    const ids = events.map((ev) => engine.idsOf(ev));
    const wanted = new Set<string>(fraud.map((l) => labelledId(l.event_id)));
    ids.forEach((list) => list.forEach((id) => id !== undefined && wanted.add(id)));
    const state = new BatchState(await this.state.getMany([...wanted]));
    const done = new Map<string, number[]>();
    const labelledKeys = engine.settings.keys.map((k, i) => (k.labels ? i + 1 : -1)).filter((i) => i > 0);
    fraud.forEach((l, i) => {
      const marker = labelledId(l.event_id);
      if (state.has(marker) || done.has(marker)) {
        summary.repeated += 1;
        return;
      }
      if (labelledKeys.some((slot) => ids[i]![slot] === undefined)) summary.missingKeys += 1;
      engine.label(events[i]!, Date.parse(l.label_time), state, ids[i]);
      done.set(marker, [1]);
      summary.applied += 1;
    });
    if (done.size > 0) await this.state.putMany(done, { ttlSeconds: this.replayTtlSeconds });
    await this.state.putMany(state.changed());
    return summary;
  }
}
