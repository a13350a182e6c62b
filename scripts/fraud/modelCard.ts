import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ThresholdRow { fpr: number; threshold: number; recall: number; precision: number }
interface Report { auc: number; average_precision: number; thresholds: ThresholdRow[] }

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const table = (rows: ThresholdRow[]) => [
  '| false positive rate | score threshold (0-1000) | recall | precision |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${pct(r.fpr)} | ${r.threshold} | ${pct(r.recall)} | ${pct(r.precision)} |`),
].join('\n');

function histogram(h: { edges: number[]; legit: number[]; fraud: number[] }): string {
  const rows = h.legit.map((legit, i) => `| ${h.edges[i]}-${h.edges[i + 1]! - 1} | ${legit} | ${h.fraud[i]} |`);
  return ['| score | legit | fraud |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Writes MODEL_CARD.md from the metrics.json that train.py produced in `dir`. */
export function writeModelCard(dir: string): void {
  const m = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));
  const model = m.model as Report;
  const top = Object.entries(m.feature_importance as Record<string, number>).slice(0, 8).map(([k]) => `\`${k}\``).join(', ');
  writeFileSync(join(dir, 'MODEL_CARD.md'), `# Fraud model card

**What it is:** LightGBM gradient-boosted trees (${m.trees} trees) over entity-aware transaction
features (\`features.json\`), exported to ONNX and served by onnxruntime-node in the txn \`score\`
function. Scores are on Amazon Fraud Detector's 0-1000 scale (probability x 1000).

**Trained on:** \`${m.source}\`: ${m.events} events, ${m.fraud_events} labelled fraud. Time-based split:
the earliest ${m.train_events} events train (the last eighth of them for early stopping); every number
below is from the latest ${m.test_events} events (${m.test_fraud_events} fraud), which the model never saw.

**Retrain:** \`npm run train:fraud -- --events <labelled AFD-format CSV> --out <dir>\`
(Python tools: \`pip install -r scripts/fraud/requirements.txt\`). The shipped model was trained on
\`npm run simulate:fraud\` output with its defaults: 45 days of 4,000 simulated customers (a quarter
of them joining during the period) plus three 6-day populations of 1,000 customers without history,
so that scoring a freshly started system is part of what it learned.

## Performance on the test window

| | AUC | average precision |
| --- | --- | --- |
| this model | ${model.auc.toFixed(4)} | ${model.average_precision.toFixed(4)} |
| amount-only baseline | ${m.amount_only_baseline.auc.toFixed(4)} | ${m.amount_only_baseline.average_precision.toFixed(4)} |

${table(model.thresholds)}

Amount-only baseline at the same false positive rates:

${table(m.amount_only_baseline.thresholds)}

Score histogram on the test window (events per band of 50 points):

${histogram(m.model.histogram)}

**Default outcome rules** (from this table; override with \`BLOCK_THRESHOLD\` / \`REVIEW_THRESHOLD\`):
block at score >= ${m.recommended_rules.block} (0.5% FPR), review at >= ${m.recommended_rules.review} (3% FPR).

**Most important features (gain):** ${top}.

## Limits
- Trained on simulated data: its fraud patterns (stolen cards, card testing, account takeover,
  overspending, a compromised merchant category) are the simulator's. Retrain on your own labelled
  events before trusting its scores.
- The compromised-merchant scenario leaves almost no trace in per-customer features and is mostly missed.
- Customers with little history are harder: on a fresh 6-day population (\`npm run simulate:fraud --
  --days 6 --customers 1000 --seed 77\`, then \`npm run score:fraud -- --events <csv>\`) about 1.3% of
  legitimate events are blocked at the default threshold instead of the 0.5% measured above on
  customers with longer histories; raise \`BLOCK_THRESHOLD\` where that matters.
`);
}
