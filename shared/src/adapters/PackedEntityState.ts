import type { EntityState, StatePutOptions } from '../ports/EntityState.js';
import { AdapterError } from '../errors.js';

export interface PackedEntityStateOptions {
  /** Most entities kept of each kind; the least recently written are evicted beyond it. */
  maxEntities: number;
  /** Default expiry of a written entry. */
  ttlSeconds: number;
  /** Clock in epoch milliseconds (injected by tests). */
  now?: () => number;
}

const ADAPTER = 'PackedEntityState';
const INITIAL_SLOTS = 1024;

/** All entries of one kind: fixed-width rows of one Float64Array, found through one Map. */
class Arena {
  readonly slots = new Map<string, number>();
  /** The kind's id prefix, up to and including its colon. */
  readonly prefix: string;
  private readonly free: number[] = [];
  private capacity = 0;
  floats = new Float64Array(0);
  expires = new Float64Array(0);
  /** Write count at each slot's last move to the back of the eviction order. */
  moved = new Float64Array(0);
  writes = 0;
  /** Views of slots handed out by `view`, kept so a hot loop does not build one per read (reset on growth). */
  views: (Float64Array | undefined)[] = [];

  constructor(kind: string, readonly width: number, private readonly maxEntities: number) {
    this.prefix = `${kind}:`;
    this.grow(Math.min(INITIAL_SLOTS, maxEntities));
  }

  allocate(): number {
    if (this.slots.size >= this.maxEntities) {
      const [oldest, slot] = this.slots.entries().next().value as [string, number];
      this.slots.delete(oldest);
      return slot;
    }
    if (this.free.length > 0) return this.free.pop()!;
    if (this.slots.size >= this.capacity) this.grow(Math.min(this.maxEntities, this.capacity * 2));
    return this.slots.size;
  }

  release(id: string, slot: number): void {
    this.slots.delete(id);
    this.free.push(slot);
  }

  private grow(capacity: number): void {
    const floats = new Float64Array(capacity * this.width);
    floats.set(this.floats);
    const expires = new Float64Array(capacity);
    expires.set(this.expires);
    const moved = new Float64Array(capacity);
    moved.set(this.moved);
    [this.floats, this.expires, this.moved, this.capacity] = [floats, expires, moved, capacity];
    this.views = [];
  }
}

/**
 * The embedded entity state: numeric vectors packed into typed arrays, one arena per kind of entity
 * (the id's prefix up to its first `:`, e.g. `c:` customers, `k:merchant:` merchants), each kind of a
 * fixed width set by its first write. No per-entity objects, so millions of entities stay small.
 * Least recently written entries are evicted beyond `maxEntities` per kind (an entry written within the
 * last maxEntities/2 writes keeps its place); entries past their expiry
 * read as absent, like the DynamoDB twin's TTL. Synchronous `get`/`put` serve hot loops (training).
 */
export class PackedEntityState implements EntityState<number[]> {
  private readonly arenas: Arena[] = [];
  /** Arenas by a number made of the colon's position and the characters around it: no string built per lookup. */
  private readonly byShape = new Map<number, Arena[]>();
  private readonly now: () => number;

  constructor(private readonly options: PackedEntityStateOptions) {
    if (!Number.isInteger(options.maxEntities) || options.maxEntities < 1) {
      throw new AdapterError(ADAPTER, `maxEntities must be a positive integer, got ${options.maxEntities}`);
    }
    this.now = options.now ?? Date.now;
  }

  /** Entries held, all kinds together. */
  get size(): number {
    return this.arenas.reduce((n, arena) => n + arena.slots.size, 0);
  }

  async getMany(ids: string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    const now = this.now();
    for (const id of ids) {
      const value = this.read(id, now);
      if (value) out.set(id, value);
    }
    return out;
  }

  async putMany(entries: Map<string, number[]>, options: StatePutOptions = {}): Promise<void> {
    const expiresAt = this.now() + (options.ttlSeconds ?? this.options.ttlSeconds) * 1000;
    for (const [id, value] of entries) this.write(id, value, expiresAt);
  }

  /** The entry of `id` (a copy), or undefined. */
  get(id: string): number[] | undefined {
    return this.read(id, this.now());
  }

  /** Writes `value` under `id` with the default expiry. */
  put(id: string, value: ArrayLike<number>): void {
    this.write(id, value, this.now() + this.options.ttlSeconds * 1000);
  }

  /**
   * The entry of `id` in place (a view into the arena: writes go straight to the state), or undefined.
   * For hot loops such as training: no copy, no recency update; a view is valid until the next
   * `create` of the same kind.
   */
  view(id: string): Float64Array | undefined {
    const arena = this.arenaOf(id);
    const slot = arena?.slots.get(id);
    if (arena === undefined || slot === undefined) return undefined;
    if (arena.expires[slot]! <= this.now()) {
      arena.release(id, slot);
      return undefined;
    }
    return (arena.views[slot] ??= arena.floats.subarray(slot * arena.width, (slot + 1) * arena.width));
  }

  /** A new zeroed entry of `width` values for `id` with the default expiry, as a view (see `view`). */
  create(id: string, width: number): Float64Array {
    this.write(id, new Float64Array(width), this.now() + this.options.ttlSeconds * 1000);
    return this.view(id)!;
  }

  /** The arena of an id's kind, found without building the kind's string (this runs for every read and write). */
  private arenaOf(id: string): Arena | undefined {
    const candidates = this.byShape.get(shapeOf(id));
    if (candidates === undefined) return undefined;
    if (candidates.length === 1) return id.startsWith(candidates[0]!.prefix) || candidates[0]!.prefix === ':' ? candidates[0] : undefined;
    return candidates.find((a) => id.startsWith(a.prefix));
  }

  private read(id: string, now: number): number[] | undefined {
    const arena = this.arenaOf(id);
    const slot = arena?.slots.get(id);
    if (arena === undefined || slot === undefined) return undefined;
    if (arena.expires[slot]! <= now) {
      arena.release(id, slot);
      return undefined;
    }
    const w = arena.width;
    const out = new Array<number>(w);
    const f = arena.floats;
    for (let i = 0, o = slot * w; i < w; i++) out[i] = f[o + i]!;
    return out;
  }

  private write(id: string, value: ArrayLike<number>, expiresAt: number): void {
    let arena = this.arenaOf(id);
    if (!arena) {
      this.arenas.push((arena = new Arena(kindOf(id), value.length, this.options.maxEntities)));
      const shape = shapeOf(id);
      this.byShape.set(shape, [...(this.byShape.get(shape) ?? []), arena]);
    }
    if (value.length !== arena.width) {
      throw new AdapterError(ADAPTER, `${id}: ${value.length} values, but kind "${kindOf(id)}" holds ${arena.width}`);
    }
    let slot = arena.slots.get(id);
    arena.writes += 1;
    if (slot === undefined) {
      slot = arena.allocate();
      arena.slots.set(id, slot);
      arena.moved[slot] = arena.writes;
    } else if (arena.writes - arena.moved[slot]! > this.options.maxEntities / 2) {
      // Re-inserting keeps the Map in least-recently-written order. An entry moved back within the last
      // maxEntities/2 writes is far from eviction already, so most writes skip the two Map operations.
      arena.slots.delete(id);
      arena.slots.set(id, slot);
      arena.moved[slot] = arena.writes;
    }
    const w = arena.width;
    const f = arena.floats;
    for (let i = 0, o = slot * w; i < w; i++) f[o + i] = value[i]!;
    arena.expires[slot] = expiresAt;
  }
}

function shapeOf(id: string): number {
  const colon = id.indexOf(':');
  return colon <= 0 ? -1 : colon * 0x1000000 + id.charCodeAt(0) * 0x10000 + id.charCodeAt(colon - 1);
}

const kindOf = (id: string): string => {
  const at = id.indexOf(':');
  return at < 0 ? '' : id.slice(0, at);
};
