import type { FeatureDef } from './phrases.js';

/** One event as the feature code sees it, whatever its source (a CSV row, a live transaction). */
export interface EventInput {
  eventId: string;
  entityId: string;
  /** Epoch milliseconds. */
  time: number;
  /** The event type's variables, in its order; undefined or '' when missing. */
  values: ArrayLike<string | number | undefined>;
  /**
   * Hex digest of the whole event's content (a live transaction's every field), told apart from a
   * reused event id on replay; absent: taken from entity, time and values.
   */
  fingerprint?: string;
}

/** One entity's state: a fixed-width vector (a plain array, or a view into packed state). */
export type StateVector = number[] | Float64Array;

/** Entity state as the feature code reads and writes it within one step (a batch's map, or a store). */
export interface StateLookup {
  get(id: string): StateVector | undefined;
  /** A zeroed state for an id seen for the first time. */
  create(id: string, width: number): StateVector;
  /** Stores a state changed in place (a no-op for views that write through). */
  set(id: string, value: StateVector): void;
}

/** What every section of one event's step shares. */
export interface StepContext {
  ev: EventInput;
  /** The amount (PRICE variable); NaN when missing or the event type has none. */
  amount: number;
  /** State ids: the entity's first, then one per aggregation key (undefined when its value is missing). */
  ids: (string | undefined)[];
  entityHash: number;
}

/** A group of features computed together, with the state it keeps (if any). */
export interface Section {
  readonly defs: FeatureDef[];
  /** Writes this section's features as of just before the event, then folds the event into its state. */
  step(ctx: StepContext, lookup: StateLookup, out: Float32Array, at: number): number;
  /** Applies a fraud label known at `knownAt` to the event's state. */
  label?(ctx: StepContext, knownAt: number, lookup: StateLookup): void;
}
