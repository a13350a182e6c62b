/** A fraud label waiting to become known: when, and the state ids of its event. */
export interface PendingLabel {
  knownAt: number;
  entityId: string;
  ids: (string | undefined)[];
}

/**
 * Fraud labels in the order they become known (a binary min-heap on `knownAt`): a pass over events in
 * time order applies each label only once the event stream has reached the time it was known.
 */
export class LabelQueue {
  private readonly heap: PendingLabel[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** When the earliest waiting label becomes known (Infinity when none waits). */
  next(): number {
    return this.heap[0]?.knownAt ?? Number.POSITIVE_INFINITY;
  }

  push(label: PendingLabel): void {
    const h = this.heap;
    h.push(label);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.knownAt <= h[i]!.knownAt) break;
      [h[parent], h[i]] = [h[i]!, h[parent]!];
      i = parent;
    }
  }

  /** Removes and passes to `apply` every label known at or before `time`, earliest first. */
  drain(time: number, apply: (label: PendingLabel) => void): void {
    const h = this.heap;
    while (h.length > 0 && h[0]!.knownAt <= time) {
      const top = h[0]!;
      const last = h.pop()!;
      if (h.length > 0) {
        h[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < h.length && h[l]!.knownAt < h[m]!.knownAt) m = l;
          if (r < h.length && h[r]!.knownAt < h[m]!.knownAt) m = r;
          if (m === i) break;
          [h[m], h[i]] = [h[i]!, h[m]!];
          i = m;
        }
      }
      apply(top);
    }
  }
}

/** When a fraud label may be used: not before the label delay, nor before LABEL_TIMESTAMP says it was known. */
export const knownAt = (eventTime: number, labelTime: number, delayMs: number): number =>
  Math.max(eventTime + delayMs, Number.isFinite(labelTime) ? labelTime : Number.NEGATIVE_INFINITY);
