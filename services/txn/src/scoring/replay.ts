/**
 * What the state remembers of each scored event for the replay window (`e:<event_id>`), so that a
 * retried batch gets the same decision and leaves the state as it was: the score, the fingerprint of
 * the feature names the reasons refer to, and up to three reasons as (feature index, value) pairs.
 */
export const REPLAY_WIDTH = 9;
export const replayId = (eventId: string): string => `e:${eventId}`;
/** A label already applied (`l:<event_id>`): a retried label batch must not count it twice. */
export const labelledId = (eventId: string): string => `l:${eventId}`;

export interface Remembered {
  score: number;
  signature: number;
  features: number[];
  values: number[];
}

export function encodeReplay(score: number, signature: number, features: readonly number[], values: readonly number[]): number[] {
  const out = new Array<number>(REPLAY_WIDTH).fill(-1);
  out[0] = score;
  out[1] = signature;
  out[2] = features.length;
  features.forEach((f, k) => {
    out[3 + 2 * k] = f;
    out[4 + 2 * k] = values[k]!;
  });
  return out;
}

export function decodeReplay(v: readonly number[]): Remembered {
  const n = v[2]!;
  return { score: v[0]!, signature: v[1]!, features: Array.from({ length: n }, (_, k) => v[3 + 2 * k]!), values: Array.from({ length: n }, (_, k) => v[4 + 2 * k]!) };
}
