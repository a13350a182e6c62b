import { createHash } from 'node:crypto';
import type { EventInput } from '../features/types.js';

/**
 * What the state remembers of each scored event for the replay window (`e:<event_id>`), so that a
 * retried batch gets the same decision and leaves the state as it was: the score, the fingerprint of
 * the feature names the reasons refer to, up to three reasons as (feature index, value) pairs, and the
 * event's content fingerprint (two 48-bit halves of its digest: exact in a float64), so that only the
 * same event, not another one under a reused id, gets the remembered decision.
 */
export const REPLAY_WIDTH = 11;
const CONTENT_AT = 9;
export const replayId = (eventId: string): string => `e:${eventId}`;
/** A label already applied (`l:<event_id>`): a retried label batch must not count it twice. */
export const labelledId = (eventId: string): string => `l:${eventId}`;

export interface Remembered {
  score: number;
  signature: number;
  features: number[];
  values: number[];
}

/** The event's content fingerprint as the two numbers a replay record keeps. */
export function contentOf(ev: EventInput): [number, number] {
  const hex = ev.fingerprint ?? createHash('sha256').update(JSON.stringify([ev.entityId, ev.time, Array.from(ev.values, (v) => v ?? null)])).digest('hex');
  return [Number.parseInt(hex.slice(0, 12), 16), Number.parseInt(hex.slice(12, 24), 16)];
}

/**
 * Whether a replay record was written for the event with this content. Records of 9 numbers were
 * written before fingerprints (releases before December 2026) and are taken as a match, as they were
 * then, until they expire (ENTITY_REPLAY_HOURS after the upgrade): a conflict there is not detectable.
 */
export const sameContent = (v: ArrayLike<number>, content: readonly [number, number]): boolean =>
  v.length < REPLAY_WIDTH || (v[CONTENT_AT] === content[0] && v[CONTENT_AT + 1] === content[1]);

export function encodeReplay(score: number, signature: number, features: readonly number[], values: readonly number[], content: readonly [number, number]): number[] {
  const out = new Array<number>(REPLAY_WIDTH).fill(-1);
  out[0] = score;
  out[1] = signature;
  out[2] = features.length;
  features.forEach((f, k) => {
    out[3 + 2 * k] = f;
    out[4 + 2 * k] = values[k]!;
  });
  out[CONTENT_AT] = content[0];
  out[CONTENT_AT + 1] = content[1];
  return out;
}

export function decodeReplay(v: ArrayLike<number>): Remembered {
  const n = v[2]!;
  return { score: v[0]!, signature: v[1]!, features: Array.from({ length: n }, (_, k) => v[3 + 2 * k]!), values: Array.from({ length: n }, (_, k) => v[4 + 2 * k]!) };
}
