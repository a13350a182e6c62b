// The README's evaluation tables, printed from the held-out results (never typed by hand).
//   npx tsx scripts/cs-eval/tables.ts [--also "label=FILE"]...
// Reads services/cs/model/heldout-metrics.json (written by heldout.ts) and, for each --also, the `heldout`
// part of a kept model's file (candidate-varied-data.json, previous-minilm-l6.json), whose "ours" row is
// shown under `label`. Prints markdown: token-level PII by set, recall by gold type, entity-level F1.
import { readFileSync } from 'node:fs';

interface Scores { precision: number; recall: number; f2: number; recall_by_type: Record<string, { recall: number; tokens: number }> }
interface Exact { precision: number; recall: number; f1: number }
interface SystemResult { pii_tokens_mixed: Scores; pii_tokens_by_set: Record<string, Scores>; entities_exact: Record<string, Record<string, Exact>> }
interface Heldout { model_version: string; by_system: Record<string, SystemResult> }

const rows: Array<[string, SystemResult]> = [];
const main = JSON.parse(readFileSync('services/cs/model/heldout-metrics.json', 'utf8')) as Heldout;
const label: Record<string, string> = {
  ours: `ours: recognizers + NER (shipped, ${main.model_version})`, ours_recognizers_only: 'ours: recognizers only',
  presidio: 'Presidio, default configuration', 'presidio_score_ge_0.5': 'Presidio, results with score >= 0.5',
};
for (const [k, v] of Object.entries(main.by_system)) rows.push([label[k] ?? k, v]);
for (let i = process.argv.indexOf('--also'); i > 0; i = process.argv.indexOf('--also', i + 1)) {
  const [name, file] = process.argv[i + 1]!.split('=') as [string, string];
  const kept = JSON.parse(readFileSync(file, 'utf8')) as { heldout: Heldout };
  rows.splice(2, 0, [`ours: recognizers + ${name} (${kept.heldout.model_version})`, kept.heldout.by_system.ours!]);
}

const table = (head: string[], body: Array<Array<string | number>>) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const sets = Object.keys(rows[0]![1].pii_tokens_by_set).filter((s) => s !== 'sec-docs-2-5');

console.log(table(['system', 'precision', 'recall', 'F2', ...sets.map((s) => `${s} F2`)], rows.map(([name, r]) => [
  name, r.pii_tokens_mixed.precision, r.pii_tokens_mixed.recall, `**${r.pii_tokens_mixed.f2}**`,
  ...sets.map((s) => r.pii_tokens_by_set[s]?.f2 ?? '-'),
])));
const types = Object.keys(main.by_system.ours!.pii_tokens_mixed.recall_by_type).sort();
console.log('\nRecall by gold type (mixed):\n');
console.log(table(['gold type (tokens)', ...types.map((t) => `${t} (${main.by_system.ours!.pii_tokens_mixed.recall_by_type[t]!.tokens})`)],
  rows.filter(([name]) => !name.includes('recognizers only') && !name.includes('>=')).map(([name, r]) =>
    [name.replace(/ \(.*\)$/, ''), ...types.map((t) => r.pii_tokens_mixed.recall_by_type[t]?.recall ?? '-')])));
console.log('\nEntity level, exact spans (F1; last column precision / recall / F1):\n');
const corpora = Object.keys(main.by_system.ours!.entities_exact);
console.log(table(['corpus', 'system', 'PERSON', 'ORGANIZATION', 'LOCATION', 'all three (P / R / F1)'], corpora.flatMap((c) =>
  rows.filter(([name]) => !name.includes('recognizers only') && !name.includes('>=')).map(([name, r]) => {
    const e = r.entities_exact[c];
    if (!e) return [c, name.replace(/ \(.*\)$/, ''), '-', '-', '-', '-'];
    return [c, name.replace(/ \(.*\)$/, ''), e.PERSON?.f1 ?? 0, e.ORGANIZATION?.f1 ?? 0, e.LOCATION?.f1 ?? 0,
      `${e.ALL!.precision} / ${e.ALL!.recall} / **${e.ALL!.f1}**`];
  }))));
