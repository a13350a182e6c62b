import type { StateLookup, StateVector } from './types.js';

/** One batch's view of the entity state: what was read, and which entries the batch changed. */
export class BatchState implements StateLookup {
  private readonly dirty = new Set<string>();

  constructor(private readonly values: Map<string, number[]>) {}

  get(id: string): number[] | undefined {
    return this.values.get(id);
  }

  create(_id: string, width: number): number[] {
    return new Array<number>(width).fill(0);
  }

  set(id: string, value: StateVector): void {
    this.values.set(id, Array.isArray(value) ? value : Array.from(value));
    this.dirty.add(id);
  }

  has(id: string): boolean {
    return this.values.has(id);
  }

  /** The entries the batch changed, to write back. */
  changed(): Map<string, number[]> {
    return new Map([...this.dirty].map((id) => [id, this.values.get(id)!]));
  }
}
