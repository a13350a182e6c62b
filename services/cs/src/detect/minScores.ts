/**
 * Per-entity score thresholds: a result is reported when its score reaches its type's threshold, or
 * MIN_SCORE for types not listed. Defaults chosen on the development split
 * (`npx tsx scripts/cs-eval/devThresholds.ts`; numbers in services/cs/README.md, "Per-entity thresholds").
 */
export const MIN_SCORE = 0.5;

// PERSON 0.3: dev F2 0.948 -> 0.951 (recall 0.950 -> 0.955, precision 0.940 -> 0.935), the PII-free corpus stays clean;
// no other type moved dev F2 by 0.002 or more (most have no false positives there to remove, some no gold to lose).
export const DEFAULT_MIN_SCORES: Readonly<Record<string, number>> = { PERSON: 0.3 };

/** `PERSON=0.6,PHONE=0.5` -> { PERSON: 0.6, PHONE: 0.5 }; an error names the entry that is wrong. */
export function parseMinScores(s: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of s.split(',').map((e) => e.trim()).filter(Boolean)) {
    const m = /^([A-Z][A-Z0-9_]*)\s*=\s*(\d*\.?\d+)$/.exec(entry);
    const score = m ? Number(m[2]) : NaN;
    if (!m || !(score >= 0 && score <= 1)) throw new Error(`"${entry}" is not TYPE=score with a score from 0 to 1`);
    out[m[1]!] = score;
  }
  return out;
}

export const formatMinScores = (scores: Readonly<Record<string, number>>): string =>
  Object.entries(scores).sort(([a], [b]) => a.localeCompare(b)).map(([t, v]) => `${t}=${v}`).join(',');
