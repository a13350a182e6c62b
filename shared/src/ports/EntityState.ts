/** Per-entity state kept between events (feature aggregates); values are opaque to the store. */
export interface EntityState<S> {
  getMany(entityIds: string[]): Promise<Map<string, S>>;
  putMany(entries: Map<string, S>): Promise<void>;
}
