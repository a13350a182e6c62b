import { PRODUCT_CATEGORIES, type EntityState } from '@sfc/shared';
import { DECAYED_SLOTS, SEEN_LIMIT, type EntityProfile } from './profile.js';

const CATEGORIES = PRODUCT_CATEGORIES.length;
/** Floats per entity: n, sum, max, last, lat, lon, touched, then the decayed windows. */
const FLOATS = 7 + DECAYED_SLOTS;
const LISTS = ['ips', 'agents', 'emails', 'phones', 'zips'] as const;
const LIST_OFFSETS = LISTS.map((_, i) => LISTS.slice(0, i).reduce((s, l) => s + SEEN_LIMIT[l], 0));
const HASHES = LISTS.reduce((s, l) => s + SEEN_LIMIT[l], 0);
const INITIAL_SLOTS = 1024;

export interface PackedProfileStateOptions {
  maxEntities: number;
  ttlSeconds: number;
  now?: () => number;
}

/**
 * The embedded entity state for fraud features: every profile packed into typed arrays (about 250
 * bytes an entity, no per-entity objects), least recently used evicted beyond `maxEntities`, and
 * profiles untouched for `ttlSeconds` treated as gone, like the DynamoDB twin's TTL.
 */
export class PackedProfileState implements EntityState<EntityProfile> {
  private readonly slots = new Map<string, number>();
  private readonly free: number[] = [];
  private capacity = 0;
  private floats = new Float64Array(0);
  private hashes = new Uint32Array(0);
  private lengths = new Uint8Array(0);
  private categories = new Uint32Array(0);
  private readonly now: () => number;

  constructor(private readonly options: PackedProfileStateOptions) {
    this.now = options.now ?? Date.now;
    this.grow(Math.min(INITIAL_SLOTS, options.maxEntities));
  }

  get size(): number {
    return this.slots.size;
  }

  async getMany(ids: string[]): Promise<Map<string, EntityProfile>> {
    const out = new Map<string, EntityProfile>();
    const expired = this.now() - this.options.ttlSeconds * 1000;
    for (const id of ids) {
      const slot = this.slots.get(id);
      if (slot === undefined) continue;
      if (this.floats[slot * FLOATS + 6]! < expired) {
        this.release(id, slot);
        continue;
      }
      out.set(id, this.read(slot));
    }
    return out;
  }

  async putMany(entries: Map<string, EntityProfile>): Promise<void> {
    const touched = this.now();
    for (const [id, profile] of entries) {
      let slot = this.slots.get(id);
      // Re-inserting keeps the Map in least-recently-used order.
      if (slot !== undefined) this.slots.delete(id);
      else slot = this.allocate();
      this.slots.set(id, slot);
      this.write(slot, profile, touched);
    }
  }

  private allocate(): number {
    if (this.slots.size >= this.options.maxEntities) {
      const [oldest, slot] = this.slots.entries().next().value as [string, number];
      this.slots.delete(oldest);
      return slot;
    }
    if (this.free.length > 0) return this.free.pop()!;
    if (this.slots.size >= this.capacity) this.grow(Math.min(this.options.maxEntities, this.capacity * 2));
    return this.slots.size;
  }

  private release(id: string, slot: number): void {
    this.slots.delete(id);
    this.free.push(slot);
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Uint32Array | Uint8Array>(old: T, make: (n: number) => T, per: number) => {
      const next = make(capacity * per);
      next.set(old);
      return next;
    };
    this.floats = copy(this.floats, (n) => new Float64Array(n), FLOATS);
    this.hashes = copy(this.hashes, (n) => new Uint32Array(n), HASHES);
    this.lengths = copy(this.lengths, (n) => new Uint8Array(n), LISTS.length);
    this.categories = copy(this.categories, (n) => new Uint32Array(n), CATEGORIES);
    this.capacity = capacity;
  }

  private read(slot: number): EntityProfile {
    const f = slot * FLOATS;
    const fl = this.floats;
    const list = (i: number) => {
      const start = slot * HASHES + LIST_OFFSETS[i]!;
      return Array.from(this.hashes.subarray(start, start + this.lengths[slot * LISTS.length + i]!));
    };
    return {
      n: fl[f]!, sum: fl[f + 1]!, max: fl[f + 2]!, last: fl[f + 3]!, lat: fl[f + 4]!, lon: fl[f + 5]!,
      decayed: Array.from(fl.subarray(f + 7, f + FLOATS)),
      ips: list(0), agents: list(1), emails: list(2), phones: list(3), zips: list(4),
      categories: Array.from(this.categories.subarray(slot * CATEGORIES, (slot + 1) * CATEGORIES)),
    };
  }

  private write(slot: number, p: EntityProfile, touched: number): void {
    const f = slot * FLOATS;
    const fl = this.floats;
    fl[f] = p.n; fl[f + 1] = p.sum; fl[f + 2] = p.max; fl[f + 3] = p.last; fl[f + 4] = p.lat; fl[f + 5] = p.lon; fl[f + 6] = touched;
    fl.set(p.decayed, f + 7);
    LISTS.forEach((name, i) => {
      const values = p[name].slice(0, SEEN_LIMIT[name]);
      this.hashes.set(values, slot * HASHES + LIST_OFFSETS[i]!);
      this.lengths[slot * LISTS.length + i] = values.length;
    });
    this.categories.set(p.categories, slot * CATEGORIES);
  }
}
