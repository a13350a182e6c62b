/** Token-level binary PII scoring: every word is PII, not PII, or ignored (neither rewarded nor punished). */
export interface GoldSpan { type: string; start: number; end: number }

/** Gold types that are personal data; LOCATION alone (a city, a country) and IGNORE spans are left out of the score, ORGANIZATION is not PII. */
export const GOLD_IGNORED = new Set(['LOCATION', 'IGNORE']);
export const GOLD_NOT_PII = new Set(['ORGANIZATION']);
/** Predicted types that do not claim personal data: organisations, nationalities/religions, plain URLs, bank codes. */
export const PREDICTED_NOT_PII = new Set(['ORGANIZATION', 'NRP', 'URL', 'SWIFT_BIC']);

export class TokenScorer {
  tp = 0;
  fp = 0;
  fn = 0;
  private readonly byType = new Map<string, { hit: number; total: number }>();

  add(text: string, gold: GoldSpan[], predicted: GoldSpan[]): void {
    const pii = predicted.filter((p) => !PREDICTED_NOT_PII.has(p.type));
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const [s, e] = [m.index, m.index + m[0].length];
      const g = gold.find((x) => x.start < e && s < x.end);
      if (g && GOLD_IGNORED.has(g.type)) continue;
      const isGold = g !== undefined && !GOLD_NOT_PII.has(g.type);
      const isPred = pii.some((x) => x.start < e && s < x.end);
      if (isGold && isPred) this.tp += 1;
      else if (isPred) this.fp += 1;
      else if (isGold) this.fn += 1;
      if (isGold) {
        const t = this.byType.get(g.type) ?? { hit: 0, total: 0 };
        this.byType.set(g.type, { hit: t.hit + (isPred ? 1 : 0), total: t.total + 1 });
      }
    }
  }

  report(): { tokens: number; precision: number; recall: number; f2: number; recall_by_type: Record<string, { recall: number; tokens: number }> } {
    const p = this.tp / Math.max(1, this.tp + this.fp);
    const r = this.tp / Math.max(1, this.tp + this.fn);
    const f2 = p + r ? (5 * p * r) / (4 * p + r) : 0;
    const byType: Record<string, { recall: number; tokens: number }> = {};
    for (const [type, t] of [...this.byType].sort(([a], [b]) => a.localeCompare(b))) byType[type] = { recall: round(t.hit / t.total), tokens: t.total };
    return { tokens: this.tp + this.fp + this.fn, precision: round(p), recall: round(r), f2: round(f2), recall_by_type: byType };
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
