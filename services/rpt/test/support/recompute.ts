import type { LakeLabel, LakeTransaction } from '@sfc/shared';
import type { ReportWindow } from '../../src/sql/lakeRelations.js';

/** Independent recomputations (plain TypeScript over the written records) of the analyst KPIs. */

const inRange = (iso: string, from: Date, to: Date) => Date.parse(iso) >= from.getTime() && Date.parse(iso) < to.getTime();
export const countBy = <T>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});

/** Each event's latest label among `labels` (ties: fraud first). */
function latest(labels: LakeLabel[]): Map<string, LakeLabel> {
  const out = new Map<string, LakeLabel>();
  for (const l of labels) {
    const seen = out.get(l.event_id);
    const t = Date.parse(l.label_time);
    if (!seen || t > Date.parse(seen.label_time) || (t === Date.parse(seen.label_time) && l.label < seen.label)) out.set(l.event_id, l);
  }
  return out;
}

/** Labels the report reads: label_time from the window's start to `labelsTo`. */
export const labelsRead = (labels: LakeLabel[], window: ReportWindow, labelsTo: Date) => labels.filter((l) => inRange(l.label_time, window.from, labelsTo));

export function reviewQueue(tx: LakeTransaction[], labels: LakeLabel[], window: ReportWindow, labelsTo: Date) {
  const reviews = tx.filter((t) => t.fd.outcome === 'review');
  const read = labelsRead(labels, window, labelsTo);
  const decidedBy = latest(read.filter((l) => l.source === 'analyst' || l.source === 'import'));
  const anyBy = latest(read);
  const decided = reviews.filter((t) => decidedBy.has(t.event_id));
  const open = reviews.filter((t) => !decidedBy.has(t.event_id));
  const decidedFraud = decided.filter((t) => decidedBy.get(t.event_id)!.label === 'fraud').length;
  const labelledFraud = reviews.filter((t) => anyBy.get(t.event_id)?.label === 'fraud').length;
  return {
    reviews: reviews.length,
    decided: decided.length,
    open: open.length,
    decided_fraud: decidedFraud,
    decided_fraud_share: decided.length ? decidedFraud / decided.length : null,
    labelled: reviews.filter((t) => anyBy.has(t.event_id)).length,
    labelled_fraud: labelledFraud,
    fraud_share: reviews.length ? labelledFraud / reviews.length : null,
    oldest_open_time: open.length ? Math.min(...open.map((t) => Date.parse(t.event_time))) : null,
  };
}

/** `<UTC day start ms>|<source>` -> labels of the window's reviews given that day. */
export function decisionsPerDay(tx: LakeTransaction[], labels: LakeLabel[], window: ReportWindow, labelsTo: Date): Record<string, number> {
  const reviews = new Set(tx.filter((t) => t.fd.outcome === 'review').map((t) => t.event_id));
  return countBy(labelsRead(labels, window, labelsTo).filter((l) => reviews.has(l.event_id)),
    (l) => `${Date.parse(`${l.label_time.slice(0, 10)}T00:00:00Z`)}|${l.source ?? '(none)'}`);
}

/** `<rule_id>|<outcome>` -> transactions on which the rule matched. */
export const ruleHits = (tx: LakeTransaction[]) => countBy(tx.flatMap((t) => (t.fd.rules ?? []).map((r) => ({ rule: r.rule_id, outcome: t.fd.outcome }))), (h) => `${h.rule}|${h.outcome}`);

export function detectorVersions(tx: LakeTransaction[]) {
  const by = new Map<string, LakeTransaction[]>();
  for (const t of tx) by.set(t.fd.detector_version ?? '(none)', [...(by.get(t.fd.detector_version ?? '(none)') ?? []), t]);
  return Object.fromEntries([...by].map(([v, rows]) => [v, {
    n: rows.length, share: rows.length / tx.length,
    first_seen: Math.min(...rows.map((t) => Date.parse(t.event_time))), last_seen: Math.max(...rows.map((t) => Date.parse(t.event_time))),
  }]));
}

/** Lowest score at which each threshold rule decided (rows without a detector version). */
export function thresholdsSeen(tx: LakeTransaction[]) {
  const low = (rule: string, outcome: string) => {
    const s = tx.filter((t) => !t.fd.detector_version && (t.fd.rules ? t.fd.rules.some((r) => r.rule_id === rule) : t.fd.outcome === outcome)).map((t) => t.fd.score);
    return s.length ? Math.min(...s) : null;
  };
  return { review_from: low('review_threshold', 'review'), block_from: low('block_threshold', 'block'), without_version: tx.filter((t) => !t.fd.detector_version).length };
}

/** One side's numbers in the shadow comparison, named as the KPI's columns (`live_block_rate`, `shadow_recall`, ...). */
type SideStats<S extends 'live' | 'shadow'> = { [K in `${S}_${'block_rate' | 'review_rate' | 'blocks_labelled' | 'reviews_labelled'}`]: number }
  & { [K in `${S}_${'block_precision' | 'review_precision' | 'recall'}`]: number | null };

/**
 * Per `<live version>|<shadow version>` over the rows with fd_shadow: counts, agreement, both sides'
 * block / review rates and, over the rows whose latest label (any source) was read, precision of block
 * and of review and recall of frauds; `matrix` counts `<live outcome>|<shadow outcome>`.
 */
export function shadowVersions(tx: LakeTransaction[], labels: LakeLabel[], window: ReportWindow, labelsTo: Date) {
  const label = latest(labelsRead(labels, window, labelsTo));
  const pairs = new Map<string, LakeTransaction[]>();
  for (const t of tx) {
    if (!t.fd_shadow) continue;
    const key = `${t.fd.detector_version ?? '(none)'}|${t.fd_shadow.detector_version}`;
    pairs.set(key, [...(pairs.get(key) ?? []), t]);
  }
  const share = (part: number, whole: number) => (whole ? part / whole : null);
  return Object.fromEntries([...pairs].map(([key, rows]) => {
    const labelled = rows.filter((t) => label.has(t.event_id));
    const fraud = labelled.filter((t) => label.get(t.event_id)!.label === 'fraud');
    const side = <S extends 'live' | 'shadow'>(name: S, outcome: (t: LakeTransaction) => string): SideStats<S> => {
      const of = (o: string) => labelled.filter((t) => outcome(t) === o);
      const precision = (o: string) => share(of(o).filter((t) => label.get(t.event_id)!.label === 'fraud').length, of(o).length);
      return {
        [`${name}_block_rate`]: rows.filter((t) => outcome(t) === 'block').length / rows.length,
        [`${name}_review_rate`]: rows.filter((t) => outcome(t) === 'review').length / rows.length,
        [`${name}_blocks_labelled`]: of('block').length,
        [`${name}_block_precision`]: precision('block'),
        [`${name}_reviews_labelled`]: of('review').length,
        [`${name}_review_precision`]: precision('review'),
        [`${name}_recall`]: share(fraud.filter((t) => outcome(t) !== 'approve').length, fraud.length),
      } as SideStats<S>;
    };
    const agreed = rows.filter((t) => t.fd.outcome === t.fd_shadow!.outcome).length;
    const times = rows.map((t) => Date.parse(t.event_time));
    return [key, {
      n: rows.length, agreed, agreement: agreed / rows.length, labelled: labelled.length, labelled_fraud: fraud.length,
      ...side('live', (t) => t.fd.outcome), ...side('shadow', (t) => t.fd_shadow!.outcome),
      first_seen: Math.min(...times), last_seen: Math.max(...times),
      matrix: countBy(rows, (t) => `${t.fd.outcome}|${t.fd_shadow!.outcome}`),
    }];
  }));
}
