/** How long written entries live. */
export interface StatePutOptions {
  /** Overrides the store's default expiry for these entries (e.g. short-lived replay records). */
  ttlSeconds?: number;
}

/** Per-entity state kept between events (feature aggregates); values are opaque to the store. */
export interface EntityState<S> {
  getMany(entityIds: string[]): Promise<Map<string, S>>;
  putMany(entries: Map<string, S>, options?: StatePutOptions): Promise<void>;
}
