import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ThresholdRow { fpr: number; threshold: number; recall: number; precision: number }
interface Report { auc: number; average_precision: number; card_precision_at_k: number; k?: number; thresholds: ThresholdRow[] }
interface Slice { slice: string; events: number; fraud: number; recall_at_block: number; fpr_at_block: number; auc: number | null }

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const int = (x: number) => x.toLocaleString('en-US');
const day = (iso: string) => iso.slice(0, 10);
const table = (rows: ThresholdRow[]) => [
  '| false positive rate | score threshold (0-1000) | recall | precision |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${pct(r.fpr)} | ${r.threshold} | ${pct(r.recall)} | ${pct(r.precision)} |`),
].join('\n');

function histogram(h: { edges: number[]; legit: number[]; fraud: number[] }): string {
  const rows = h.legit.map((legit, i) => `| ${h.edges[i]}-${h.edges[i + 1]! - 1} | ${legit} | ${h.fraud[i]} |`);
  return ['| score | legit | fraud |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Writes MODEL_CARD.md from `metrics.json` (train.py's report plus train.ts's description of the data) in `dir`. */
export function writeModelCard(dir: string): void {
  const m = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
  const et = JSON.parse(readFileSync(join(dir, 'event_type.json'), 'utf8')) as { name: string; entityType: string; variables: { name: string; variableType: string }[] };
  const d = m.data;
  const model = m.model as Report;
  const base = m.amount_only_baseline as Report | null;
  const w = m.windows as Record<string, { events: number; fraud: number }>;
  const top = Object.keys(m.feature_importance as Record<string, number>).slice(0, 10).map((k) => `\`${k}\``).join(', ');
  const skipped = (d.skipped as { column: string; reason: string; count: number }[]).reduce((s, x) => s + x.count, 0);
  const slices = (m.slices as Slice[]).map((s) => (s.fraud < 5 || s.events < 100
    ? `- ${s.slice}: too few test events to measure (${int(s.events)}, ${int(s.fraud)} fraud).`
    : `- ${s.slice}: ${int(s.events)} test events, ${int(s.fraud)} fraud; at the block threshold recall ${pct(s.recall_at_block)}, false positive rate ${pct(s.fpr_at_block)}${s.auc === null ? '' : `, AUC ${s.auc.toFixed(3)}`}.`));
  writeFileSync(join(dir, 'MODEL_CARD.md'), `# Fraud model card

**What it is:** LightGBM gradient-boosted trees (${m.trees} trees) over ${Object.keys(m.feature_importance).length} features
of event type \`${et.name}\` (${et.variables.length} variables, \`event_type.json\`; features \`features.json\`),
exported to ONNX and served by onnxruntime-node in the txn \`score\` function and by \`npm run score:fraud\`.
Scores are on Amazon Fraud Detector's 0-1000 scale (probability x 1000).

**Trained on:** \`${d.source}\`${d.description ? ` (${d.description})` : ''}: ${int(d.events)} events from ${day(d.first_event)} to
${day(d.last_event)}, ${int(d.fraud)} labelled fraud (${pct(d.fraud / d.events)}); ${int(skipped)} of ${int(d.rows)} rows skipped${skipped ? ' (reasons in `metrics.json`, `data.skipped`)' : ''}.${d.unlabelled?.events ? ` ${int(d.unlabelled.events)} events unlabelled, treated as ${d.unlabelled.applied} (${d.unlabelled.reason}): history only${d.unlabelled.applied === 'IGNORE' ? '' : `, and in the loss as ${d.unlabelled.applied === 'LEGIT' ? 'legitimate' : 'fraud'} before the test window`}; never in the test figures.` : ''}
Aggregation keys: the ${et.entityType} (ENTITY_ID)${(d.keys as { key: string; labels: boolean }[]).map((k) => `, \`${k.key}\`${k.labels ? ' with label feedback' : ''}`).join('')}.
${d.merged_labels ? `Labels merged in by EVENT_ID from ${(d.merged_labels.sources as string[]).map((x) => `\`${x}\``).join(', ')} (the latest LABEL_TIMESTAMP wins): ${int(d.merged_labels.read)} read, ${int(d.merged_labels.matched)} matched, ${int(d.merged_labels.changed)} changed a label, ${int(d.merged_labels.unmatched)} unmatched.\n` : ''}Label feedback uses a fraud label from ${d.label_timestamps ? 'its LABEL_TIMESTAMP, and ' : ''}no earlier than ${d.label_delay_days} days after the event.

**Evaluation protocol:** a time split with a gap. Training uses events before ${day(d.split.train_end)}
(${int(w.train!.events + w.early_stopping!.events)} events, those from ${day(d.split.early_stopping_from)} for early stopping);
the ${d.label_delay_days} days after it are left out, because their labels would not be known yet when
the model is trained; every number below comes from the test window from ${day(d.split.test_from)}
(${int(w.test!.events)} events, ${int(w.test!.fraud)} fraud), which the model never saw.

**Retrain:** \`npm run train:fraud -- --events <labelled AFD-format CSV> --out <dir>\` (Python tools:
\`pip install -r scripts/fraud/requirements.txt\`).

## Performance on the test window

| | AUC | average precision | card precision@${model.k ?? 100} per day |
| --- | --- | --- | --- |
| this model | ${model.auc.toFixed(4)} | ${model.average_precision.toFixed(4)} | ${model.card_precision_at_k.toFixed(3)} |
${base ? `| amount-only baseline | ${base.auc.toFixed(4)} | ${base.average_precision.toFixed(4)} | ${base.card_precision_at_k.toFixed(3)} |\n` : ''}
${table(model.thresholds)}
${base ? `\nAmount-only baseline at the same false positive rates:\n\n${table(base.thresholds)}\n` : ''}
Score histogram on the test window (events per band of 50 points):

${histogram(m.model.histogram)}

**Default outcome rules** (from this table; override with \`BLOCK_THRESHOLD\` / \`REVIEW_THRESHOLD\`):
block at score >= ${m.recommended_rules.block} (0.5% FPR), review at >= ${m.recommended_rules.review} (3% FPR).

**Most important features (gain):** ${top}.

## Limits

Measured on the test window:
${slices.join('\n')}
${(m.segments ?? []).length ? `\nFraud caught by segment (\`--segments\`), at the block threshold (0.5% FPR) and at 1% FPR:\n\n| segment | fraud events | at block | at 1% FPR |\n| --- | --- | --- | --- |\n${(m.segments as { segment: string; fraud: number; recall_at_block: number; recall_at_1pct_fpr: number }[]).map((g) => `| ${g.segment} | ${int(g.fraud)} | ${pct(g.recall_at_block)} | ${pct(g.recall_at_1pct_fpr)} |`).join('\n')}\n` : ''}
- The model knows only the patterns in \`${d.source}\`; fraud of another kind, or a change in customers'
  behaviour, needs retraining on newer labelled events.
- Label feedback (known frauds per ${et.entityType} and per key) is only as fresh as the labels that come
  back: in training a label counted ${d.label_delay_days} days after its event at the earliest; live, when it arrives.
`);
}
