// Held-out evaluation of cs PII detection against Presidio, on data nothing here was trained or tuned on.
//   npx tsx scripts/cs-eval/heldout.ts [--no-presidio] [--limit N]
// Sets (services/cs/training/heldout/, see its README):
//   pii-mixed: Presidio's own evaluation templates filled with Faker values from 20 locales;
//   wikigold / btc / wnut17: held-out parts of public NER corpora (Wikipedia, tweets, user posts);
//   sec-docs-2-5: two SEC loan agreements never trained on, but looked at in earlier rounds (reported apart).
// Measures: token-level binary PII precision/recall/F2 and recall by gold type on "mixed" (pii-mixed plus
// the three corpora, where names are PII, organisations are not and places are left out); entity-level
// exact-span F1 for PERSON/ORGANIZATION/LOCATION per corpus. Presidio runs in its default configuration
// through scripts/cs-eval/presidio_run.py (Python environment: .venv-cs-eval, see services/cs/README.md).
// Writes services/cs/model/heldout-metrics.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PiiDetector } from '../../services/cs/src/detect/PiiDetector.js';
import { NerModel } from '../../services/cs/src/ner/NerModel.js';
import { resolveModelDir } from '../../services/cs/src/ner/modelDir.js';
import { patternRecognizers } from '../../services/cs/src/recognizers/index.js';
import { readConll } from './conll.js';
import { runPresidio } from './presidio.js';
import { readSecHoldout } from './secHoldout.js';
import { SpanScorer, type Span } from './spanMetrics.js';
import { TokenScorer, type GoldSpan } from './tokenMetrics.js';

interface Row { id: string; set: string; text: string; spans: GoldSpan[] }

const HELDOUT = 'services/cs/training/heldout';
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const NER_SETS = ['wikigold', 'btc', 'wnut17'];

const rows: Row[] = [];
for (const line of readFileSync(`${HELDOUT}/pii-mixed.jsonl`, 'utf8').trim().split('\n').slice(0, limit)) {
  const r = JSON.parse(line) as { id: string; text: string; spans: GoldSpan[] };
  rows.push({ id: r.id, set: 'pii-mixed', text: r.text, spans: r.spans });
}
for (const set of NER_SETS) {
  readConll(`${HELDOUT}/${set}.conll`).slice(0, limit).forEach((s, i) => rows.push({ id: `${set}-${i}`, set, text: s.text, spans: s.spans }));
}
readSecHoldout('services/cs/training/data/sec-filings-ner/FIN5.txt').slice(0, limit)
  .forEach((s, i) => rows.push({ id: `sec-${i}`, set: 'sec-docs-2-5', text: s.text, spans: s.spans }));

const modelDir = resolveModelDir(process.env.NER_MODEL_DIR ?? '');
const ner = await NerModel.load(modelDir);
const systems: Record<string, { predict: (r: Row) => Promise<GoldSpan[]> | GoldSpan[]; seconds?: number }> = {
  ours: { predict: (r) => ours.detectText(r.text) },
  ours_recognizers_only: { predict: (r) => recognizersOnly.detectText(r.text) },
};
const ours = new PiiDetector(patternRecognizers, ner);
const recognizersOnly = new PiiDetector(patternRecognizers, null);

const predictions = new Map<string, Map<string, GoldSpan[]>>();
for (const [name, system] of Object.entries(systems)) {
  const t0 = performance.now();
  const out = new Map<string, GoldSpan[]>();
  for (const r of rows) out.set(r.id, await system.predict(r));
  system.seconds = (performance.now() - t0) / 1000;
  predictions.set(name, out);
}
let presidioNote = 'not run (--no-presidio)';
if (!process.argv.includes('--no-presidio')) {
  const presidio = runPresidio(rows);
  if (!presidio) presidioNote = 'not run: no Python environment at .venv-cs-eval (or PRESIDIO_PYTHON)';
  else {
    presidioNote = `presidio-analyzer default recognizers + spaCy en_core_web_md; load ${presidio.loadSeconds} s`;
    predictions.set('presidio', presidio.entities);
    predictions.set('presidio_score_ge_0.5', new Map([...presidio.entities].map(([id, es]) => [id, es.filter((e) => e.score >= 0.5)])));
    systems.presidio = { predict: () => [], seconds: presidio.seconds };
  }
}

const chars = rows.reduce((n, r) => n + r.text.length, 0);
const report: Record<string, unknown> = {};
for (const [name, preds] of predictions) {
  const mixed = new TokenScorer();
  const bySet: Record<string, TokenScorer> = {};
  const entities: Record<string, unknown> = {};
  for (const r of rows) {
    const pred = preds.get(r.id) ?? [];
    if (r.set !== 'sec-docs-2-5') mixed.add(r.text, r.spans, pred);
    (bySet[r.set] ??= new TokenScorer()).add(r.text, r.spans, pred);
  }
  for (const set of [...NER_SETS, 'sec-docs-2-5']) {
    const scorer = new SpanScorer();
    for (const r of rows.filter((x) => x.set === set)) {
      scorer.add(r.spans as Span[], (preds.get(r.id) ?? []).filter((p) => ['PERSON', 'ORGANIZATION', 'LOCATION'].includes(p.type)));
    }
    const exact = scorer.report().exact;
    entities[set] = Object.fromEntries(['PERSON', 'ORGANIZATION', 'LOCATION', 'ALL'].map((t) => [t, exact[t] ?? { precision: 0, recall: 0, f1: 0 }]));
  }
  const seconds = systems[name]?.seconds;
  report[name] = {
    pii_tokens_mixed: mixed.report(),
    pii_tokens_by_set: Object.fromEntries(Object.entries(bySet).map(([k, v]) => [k, v.report()])),
    entities_exact: entities,
    chars_per_second: seconds ? Math.round(chars / seconds) : undefined,
  };
  const m = mixed.report();
  console.log(`${name.padEnd(24)} PII tokens P ${m.precision} R ${m.recall} F2 ${m.f2}` +
    NER_SETS.map((s) => ` | ${s} F1 ${(entities[s] as Record<string, { f1: number }>).ALL!.f1}`).join(''));
}

const out = {
  evaluated_at: new Date().toISOString(), model_version: ner.version, rows: rows.length, chars,
  sets: Object.fromEntries(['pii-mixed', ...NER_SETS, 'sec-docs-2-5'].map((s) => [s, rows.filter((r) => r.set === s).length])),
  presidio: presidioNote, by_system: report,
};
writeFileSync(join(modelDir, 'heldout-metrics.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${join(modelDir, 'heldout-metrics.json')}`);
