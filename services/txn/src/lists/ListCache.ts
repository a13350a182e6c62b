import type { Logger } from '@sfc/shared';
import type { ListHandle } from '../rules/compile.js';
import type { ListStore } from './ListStore.js';
import { lookupNormaliser } from './normalise.js';

interface Entry { handle: ListHandle; version: string }

/**
 * The lists a detector's rules use, held in memory as Sets (a lookup is one hash probe whatever the
 * list's size). `refresh` asks the store for the lists' versions at most every `refreshMs` and
 * re-reads the ones that changed, swapping the Set inside the handle the compiled rules hold.
 */
export class ListCache {
  private readonly entries = new Map<string, Entry>();
  private checkedAt = -Infinity;

  private constructor(private readonly store: ListStore, private readonly refreshMs: number, private readonly logger?: Logger, private readonly now: () => number = Date.now) {}

  /** Loads the named lists; a list that does not exist fails here, naming it. */
  static async open(store: ListStore, names: string[], options: { refreshMs: number; logger?: Logger; now?: () => number }): Promise<ListCache> {
    const cache = new ListCache(store, options.refreshMs, options.logger, options.now);
    for (const name of new Set(names)) {
      const { meta, elements } = await store.read(name);
      cache.entries.set(name, { handle: { name, entries: new Set(elements), normalise: lookupNormaliser(meta.variableType) }, version: meta.version });
    }
    cache.checkedAt = cache.now();
    return cache;
  }

  handle(name: string): ListHandle | undefined { return this.entries.get(name)?.handle; }
  names(): string[] { return [...this.entries.keys()]; }

  /**
   * Picks up changed lists. When the store cannot be read, scoring goes on with the lists it has (a
   * warning is logged) rather than failing every batch; a list deleted from the store is kept too.
   */
  async refresh(): Promise<void> {
    if (this.entries.size === 0 || this.now() - this.checkedAt < this.refreshMs) return;
    this.checkedAt = this.now();
    try {
      const versions = await this.store.versions(this.names());
      for (const [name, entry] of this.entries) {
        const v = versions.get(name);
        if (v === undefined) { this.logger?.warn('a list the rules use is gone from the store; keeping its last entries', { list: name }); continue; }
        if (v === entry.version) continue;
        const { meta, elements } = await this.store.read(name);
        entry.handle.entries = new Set(elements);
        entry.handle.normalise = lookupNormaliser(meta.variableType);
        entry.version = meta.version;
      }
    } catch (err) {
      this.logger?.warn('cannot refresh lists; scoring with the entries already loaded', { error: (err as Error).message });
    }
  }
}
