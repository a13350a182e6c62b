import { TYPE_TRAITS } from '../../eventType/variableTypes.js';
import type { EventType } from '../../eventType/schema.js';
import { count, duration, money, n0, type FeatureDef } from '../phrases.js';
import { DAY, ENTITY_WINDOW_NAMES, ENTITY_WINDOWS, NO_HISTORY_SECS, SMALL_AMOUNT, decayed, fingerprint, haversineKm, num, str } from '../windows.js';
import type { Section, StateLookup, StateVector, StepContext } from '../types.js';

// Layout of an entity's state vector: fixed slots, the decayed windows, then the recently seen values.
const N = 0, SUM = 1, MAX = 2, LAST = 3, LAT = 4, LON = 5, LOC_N = 6, SMALL = 7, LABEL_LAST = 8, FRAUD = 9, WIN = 10;
const FIXED = WIN + 2 * ENTITY_WINDOWS.length;
const FRAUD_TAU = 30 * DAY;

interface Seen {
  at: number;
  limit: number;
  /** Slot of the list's length; its hashes follow, most recent first. */
  slot: number;
}

export interface EntityOptions {
  amount: boolean;
  /** Indexes of the latitude and longitude variables. */
  location?: [number, number];
  labels: boolean;
}

/**
 * The entity's own history (customer, card, account: AFD's ENTITY_ID), strictly before the event:
 * decayed counts and amounts over 1 h to 30 days, amount against its mean and maximum, time since
 * its last event, distance from its usual location, known frauds, and whether each identifying
 * value (e-mail, phone, IP, device, address, ...) is new for it.
 */
export class EntitySection implements Section {
  readonly defs: FeatureDef[] = [];
  readonly width: number;
  private readonly seen: Seen[] = [];
  // Scratch space reused by every step (no allocation per event).
  private readonly decay = new Float64Array(ENTITY_WINDOWS.length);
  private hashes = new Float64Array(0);

  constructor(et: EventType, private readonly o: EntityOptions) {
    const e = et.entityType;
    const d = this.defs;
    d.push(
      { name: 'entity.count', phrase: (x) => (x === 0 ? `first event of this ${e}` : `${count(x, 'earlier event')} of this ${e}`) },
      { name: 'entity.secs_since_last', phrase: (x) => (x >= NO_HISTORY_SECS ? `no earlier event of this ${e}` : `${duration(x)} since this ${e}'s previous event`) },
    );
    ENTITY_WINDOW_NAMES.forEach((w) => d.push({ name: `entity.count_${w}`, phrase: (x) => `${count(x, 'event')} of this ${e} in the last ${w === '1h' ? 'hour' : w}` }));
    if (o.amount) {
      ENTITY_WINDOW_NAMES.forEach((w) => d.push({ name: `entity.amount_${w}`, phrase: (x) => `${money(x)} spent by this ${e} in the last ${w === '1h' ? 'hour' : w}` }));
      d.push(
        { name: 'entity.amount_to_mean', phrase: (x) => `amount ${x.toFixed(1)}x this ${e}'s average` },
        { name: 'entity.amount_to_max', phrase: (x) => `amount ${x.toFixed(1)}x this ${e}'s largest` },
        { name: 'entity.small_amounts_1h', phrase: (x) => `${count(x, 'small amount')} (< ${SMALL_AMOUNT}) in the last hour` },
      );
    }
    if (o.location) d.push({ name: 'entity.distance_km', phrase: (x) => `${n0(x)} km from this ${e}'s usual location` });
    if (o.labels) d.push({ name: 'entity.known_frauds_30d', phrase: (x) => (x < 0.5 ? `no known fraud on this ${e}` : `${count(x, 'known fraud')} on this ${e} lately`) });
    let slot = FIXED;
    et.variables.forEach((v, at) => {
      const t = TYPE_TRAITS[v.variableType];
      if (t.seen === 0) return;
      this.seen.push({ at, limit: t.seen, slot });
      slot += 1 + t.seen;
      d.push({ name: `${v.name}.new`, phrase: (x) => (x === 1 ? `new ${t.noun} for this ${e}` : `known ${t.noun}`) });
    });
    this.width = slot;
    this.hashes = new Float64Array(this.seen.length);
  }

  step(ctx: StepContext, lookup: StateLookup, f: Float32Array, i: number): number {
    const id = ctx.ids[0]!;
    const t = ctx.ev.time;
    const a = ctx.amount;
    const o = this.o;
    let p = lookup.get(id);
    const has = p !== undefined && p[N]! > 0;
    const dt = has ? Math.max(0, t - p![LAST]!) : 0;
    const values = ctx.ev.values;
    // Features: the state as of just before the event.
    f[i++] = has ? p![N]! : 0;
    f[i++] = has ? dt / 1000 : NO_HISTORY_SECS;
    const decay = this.decay;
    for (let w = 0; w < decay.length; w++) decay[w] = has ? Math.exp(-dt / ENTITY_WINDOWS[w]!) : 0;
    for (let w = 0; w < decay.length; w++) f[i++] = has ? p![WIN + 2 * w]! * decay[w]! : 0;
    const finite = Number.isFinite(a);
    if (o.amount) {
      for (let w = 0; w < decay.length; w++) f[i++] = has ? p![WIN + 2 * w + 1]! * decay[w]! : 0;
      const mean = has ? p![SUM]! / p![N]! : 0;
      f[i++] = !finite ? -1 : !has ? 1 : mean > 0 ? a / mean : -1;
      f[i++] = !finite ? -1 : !has ? 1 : p![MAX]! > 0 ? a / p![MAX]! : -1;
      f[i++] = has ? p![SMALL]! * decay[0]! : 0;
    }
    let lat = Number.NaN;
    let lon = Number.NaN;
    if (o.location) {
      lat = num(values[o.location[0]]);
      lon = num(values[o.location[1]]);
      f[i++] = has && p![LOC_N]! > 0 && Number.isFinite(lat) && Number.isFinite(lon) ? haversineKm(p![LAT]!, p![LON]!, lat, lon) : -1;
    }
    if (o.labels) f[i++] = p ? decayed(p[FRAUD]!, p[LABEL_LAST]!, t, FRAUD_TAU) : 0;
    const hashes = this.hashes;
    for (let k = 0; k < this.seen.length; k++) {
      const s = this.seen[k]!;
      const v = str(values[s.at]);
      const h = v === undefined ? -1 : fingerprint(v);
      hashes[k] = h;
      f[i++] = h < 0 ? -1 : has && !contains(p!, s, h) ? 1 : 0;
    }
    // Update: fold the event in. The decay since the last event is the one the features used (a state
    // without events has nothing to decay).
    if (!p) p = lookup.create(id, this.width);
    for (let w = 0; w < ENTITY_WINDOWS.length; w++) {
      const k = has ? decay[w]! : 1;
      p[WIN + 2 * w] = p[WIN + 2 * w]! * k + 1;
      p[WIN + 2 * w + 1] = p[WIN + 2 * w + 1]! * k + (finite ? a : 0);
    }
    p[SMALL] = p[SMALL]! * (has ? decay[0]! : 1) + (finite && a < SMALL_AMOUNT ? 1 : 0);
    if (Number.isFinite(lat) && Number.isFinite(lon)) {
      // A running mean that is exact when the location never changes (no floating-point drift).
      p[LOC_N] = p[LOC_N]! + 1;
      p[LAT] = p[LAT]! + (lat - p[LAT]!) / p[LOC_N]!;
      p[LON] = p[LON]! + (lon - p[LON]!) / p[LOC_N]!;
    }
    p[N] = p[N]! + 1;
    if (finite) {
      p[SUM] = p[SUM]! + a;
      p[MAX] = Math.max(p[MAX]!, a);
    }
    p[LAST] = Math.max(p[LAST]!, t);
    for (let k = 0; k < this.seen.length; k++) if (hashes[k]! >= 0) remember(p, this.seen[k]!, hashes[k]!);
    lookup.set(id, p);
    return i;
  }

  label(ctx: StepContext, knownAt: number, lookup: StateLookup): void {
    if (!this.o.labels) return;
    const id = ctx.ids[0]!;
    const p = lookup.get(id) ?? lookup.create(id, this.width);
    addDecayed(p, FRAUD, LABEL_LAST, knownAt, FRAUD_TAU);
    p[LABEL_LAST] = Math.max(p[LABEL_LAST]!, knownAt);
    lookup.set(id, p);
  }
}

/** Adds 1 at time `at` to the decayed sum in `slot`, kept as of the time in `lastSlot`. */
export function addDecayed(p: StateVector, slot: number, lastSlot: number, at: number, tau: number): void {
  const last = p[lastSlot]!;
  p[slot] = at >= last ? p[slot]! * Math.exp(-(at - last) / tau) + 1 : p[slot]! + Math.exp(-(last - at) / tau);
}

function contains(p: StateVector, s: Seen, h: number): boolean {
  const n = p[s.slot]!;
  for (let k = 0; k < n; k++) if (p[s.slot + 1 + k] === h) return true;
  return false;
}

/** Puts `h` first in the list, keeping at most `limit` distinct values. */
function remember(p: StateVector, s: Seen, h: number): void {
  const n = p[s.slot]!;
  let at = n;
  for (let k = 0; k < n; k++) if (p[s.slot + 1 + k] === h) { at = k; break; }
  const end = Math.min(at === n ? n : at, s.limit - 1);
  for (let k = end; k > 0; k--) p[s.slot + 1 + k] = p[s.slot + k]!;
  p[s.slot + 1] = h;
  p[s.slot] = at === n ? Math.min(n + 1, s.limit) : n;
}
