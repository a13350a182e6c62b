// Development-split evaluation: the numbers candidates are chosen on (never the held-out sets).
//   npx tsx scripts/cs-eval/dev.ts [--overlap N] [--out FILE]
// Reads services/cs/training/data/dev.jsonl (written by scripts/train-ner/dev_split.py from the training
// data: synthetic training documents 960-1199, every eighth sentence of the Wikigold/BTC/WNUT training
// parts; train.py --dev-split leaves them out). Scores recognizers + the NER model in NER_MODEL_DIR (or
// services/cs/model) with the held-out script's measures: token-level binary PII precision/recall/F2
// over all rows and per set, and exact-span PERSON/ORGANIZATION/LOCATION F1 per public corpus.
// Writes <model dir>/dev-metrics.json unless --out names another file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PiiDetector } from '../../services/cs/src/detect/PiiDetector.js';
import { DEFAULT_OVERLAP, NerModel } from '../../services/cs/src/ner/NerModel.js';
import { resolveModelDir } from '../../services/cs/src/ner/modelDir.js';
import { patternRecognizers } from '../../services/cs/src/recognizers/index.js';
import { SpanScorer, type Span } from './spanMetrics.js';
import { TokenScorer, type GoldSpan } from './tokenMetrics.js';

interface Row { id: string; set: string; text: string; spans: GoldSpan[] }

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const overlap = Number(arg('--overlap') ?? DEFAULT_OVERLAP);
const rows = readFileSync('services/cs/training/data/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
const modelDir = resolveModelDir(process.env.NER_MODEL_DIR ?? '');
const ner = await NerModel.load(modelDir, { overlap });
const detector = new PiiDetector(patternRecognizers, ner);

const all = new TokenScorer();
const bySet = new Map<string, TokenScorer>();
const spans = new Map<string, SpanScorer>();
const t0 = performance.now();
for (const r of rows) {
  const found = await detector.detectText(r.text);
  all.add(r.text, r.spans, found);
  if (!bySet.has(r.set)) bySet.set(r.set, new TokenScorer());
  bySet.get(r.set)!.add(r.text, r.spans, found);
  if (!spans.has(r.set)) spans.set(r.set, new SpanScorer());
  const keep = (s: Span) => ['PERSON', 'ORGANIZATION', 'LOCATION'].includes(s.type);
  spans.get(r.set)!.add(r.spans.filter(keep), found.filter(keep));
}
const seconds = (performance.now() - t0) / 1000;

const entities = Object.fromEntries([...spans].map(([set, s]) => {
  const exact = s.report().exact;
  return [set, Object.fromEntries(['PERSON', 'ORGANIZATION', 'LOCATION', 'ALL'].map((t) => [t, exact[t]?.f1 ?? 0]))];
}));
const out = {
  evaluated_at: new Date().toISOString(), model_version: ner.version, overlap, rows: rows.length, seconds: Math.round(seconds),
  pii_tokens_all: { ...all.report(), tp: all.tp, fp: all.fp, fn: all.fn },
  pii_tokens_by_set: Object.fromEntries([...bySet].map(([k, v]) => [k, { ...v.report(), tp: v.tp, fp: v.fp, fn: v.fn }])),
  entities_exact_f1: entities,
};
const m = out.pii_tokens_all;
console.log(`${ner.version} overlap ${overlap}: PII tokens P ${m.precision} R ${m.recall} F2 ${m.f2} | ` +
  [...bySet].map(([k, v]) => `${k} R ${v.report().recall} F2 ${v.report().f2}`).join(' | '));
console.log('entity F1', JSON.stringify(entities));
const file = arg('--out') ?? join(modelDir, 'dev-metrics.json');
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${file}`);
