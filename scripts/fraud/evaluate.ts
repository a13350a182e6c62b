const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Area under the ROC curve by ranks (ties share their average rank). */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (labels[order[k]!] === 1) {
      rankSum += rank;
      positives += 1;
    }
    i = j;
  }
  const negatives = labels.length - positives;
  return positives === 0 || negatives === 0 ? Number.NaN : (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** How the outcomes fared on labelled events: AUC and, per outcome, the share of fraud and of legitimate events. */
export function evaluate(scores: ArrayLike<number>, labels: ArrayLike<number>, tally: Record<string, [number, number]>): string {
  let fraudTotal = 0;
  for (let i = 0; i < labels.length; i++) fraudTotal += labels[i]!;
  const legitTotal = labels.length - fraudTotal;
  const lines = [`labelled events: ${labels.length} (${fraudTotal} fraud); AUC ${auc(scores, labels).toFixed(4)}`];
  for (const o of ['block', 'review', 'approve']) {
    const [legit, fraud] = tally[o]!;
    lines.push(`  ${o.padEnd(7)} ${String(legit + fraud).padStart(8)}   fraud ${fraud} (${pct(fraud / Math.max(fraudTotal, 1))} of all fraud)   legit ${legit} (${pct(legit / Math.max(legitTotal, 1))} of all legit)`);
  }
  return lines.join('\n');
}
