/** Entity-level precision / recall / F1 by type, for exact spans and for overlapping spans. */
export interface Span { type: string; start: number; end: number }
export interface Counts { tp: number; fp: number; fn: number }
export interface Prf extends Counts { precision: number; recall: number; f1: number }

export class SpanScorer {
  private readonly exact = new Map<string, Counts>();
  private readonly overlap = new Map<string, Counts>();

  add(gold: Span[], pred: Span[]): void {
    for (const type of new Set([...gold, ...pred].map((s) => s.type))) {
      const g = gold.filter((s) => s.type === type);
      const p = pred.filter((s) => s.type === type);
      const key = (s: Span) => `${s.start}:${s.end}`;
      const gk = new Set(g.map(key));
      const tpExact = p.filter((s) => gk.has(key(s))).length;
      bump(this.exact, type, { tp: tpExact, fp: p.length - tpExact, fn: g.length - tpExact });
      const hits = (a: Span, list: Span[]) => list.some((b) => a.start < b.end && b.start < a.end);
      bump(this.overlap, type, { tp: g.filter((s) => hits(s, p)).length, fp: p.filter((s) => !hits(s, g)).length, fn: g.filter((s) => !hits(s, p)).length });
    }
  }

  report(): { exact: Record<string, Prf>; overlap: Record<string, Prf> } {
    return { exact: table(this.exact), overlap: table(this.overlap) };
  }
}

function bump(map: Map<string, Counts>, type: string, c: Counts): void {
  const cur = map.get(type) ?? { tp: 0, fp: 0, fn: 0 };
  map.set(type, { tp: cur.tp + c.tp, fp: cur.fp + c.fp, fn: cur.fn + c.fn });
}

function table(map: Map<string, Counts>): Record<string, Prf> {
  const out: Record<string, Prf> = {};
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of [...map].sort(([a], [b]) => a.localeCompare(b))) {
    out[type] = prf(c);
    all.tp += c.tp; all.fp += c.fp; all.fn += c.fn;
  }
  out.ALL = prf(all);
  return out;
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { ...c, precision: r(precision), recall: r(recall), f1: r(f1) };
}
