import type { EntityState, StatePutOptions } from '../ports/EntityState.js';
import { AdapterError } from '../errors.js';

export interface MemoryEntityStateOptions {
  /** Most entities kept; the least recently used are evicted beyond it. */
  maxEntities?: number;
  /** Entries older than this are treated as absent, like the DynamoDB twin's `expires_at`. */
  ttlSeconds?: number;
  /** Clock in epoch milliseconds (injected by tests). */
  now?: () => number;
}

interface Entry {
  json: string;
  expiresAtMs: number;
}

/**
 * In-process EntityState: a Map in LRU order (re-inserted on every touch, evicted from the front).
 * Values are stored as JSON so callers see the same copy semantics as the DynamoDB adapter.
 */
export class MemoryEntityState<S> implements EntityState<S> {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntities: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: MemoryEntityStateOptions = {}) {
    this.maxEntities = options.maxEntities ?? 100_000;
    if (!Number.isInteger(this.maxEntities) || this.maxEntities < 1) {
      throw new AdapterError('MemoryEntityState', `maxEntities must be a positive integer, got ${options.maxEntities}`);
    }
    this.ttlMs = (options.ttlSeconds ?? 7 * 24 * 3600) * 1000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async getMany(entityIds: string[]): Promise<Map<string, S>> {
    const out = new Map<string, S>();
    const now = this.now();
    for (const id of entityIds) {
      const entry = this.entries.get(id);
      if (!entry) continue;
      this.entries.delete(id);
      if (entry.expiresAtMs <= now) continue;
      this.entries.set(id, entry);
      out.set(id, JSON.parse(entry.json) as S);
    }
    return out;
  }

  async putMany(entries: Map<string, S>, options: StatePutOptions = {}): Promise<void> {
    const expiresAtMs = this.now() + (options.ttlSeconds === undefined ? this.ttlMs : options.ttlSeconds * 1000);
    for (const [id, state] of entries) {
      this.entries.delete(id);
      this.entries.set(id, { json: JSON.stringify(state), expiresAtMs });
    }
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.maxEntities) break;
      this.entries.delete(id);
    }
  }
}
