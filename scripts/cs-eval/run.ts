// Evaluates the cs PII detection and writes services/cs/model/metrics.json.
//   npx tsx scripts/cs-eval/run.ts [--limit N]
// 1. Synthetic held-out loan documents (names drawn from a slice never used in training):
//    document routing through the real scan path (PDF -> pdfjs -> detect -> route), and
//    entity-level P/R/F1 by type for recognizers only, NER only, and both.
// 2. Held-out SEC loan-agreement documents: PER/ORG/LOC entity F1, same three configurations.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, FsObjectStore } from '@sfc/shared';
import { PiiDetector } from '../../services/cs/src/detect/PiiDetector.js';
import { DEFAULT_PII_TYPES } from '../../services/cs/src/detect/piiPolicy.js';
import { writeTextPdf } from '../../services/cs/src/local/pdfWriter.js';
import { NerModel } from '../../services/cs/src/ner/NerModel.js';
import { resolveModelDir } from '../../services/cs/src/ner/modelDir.js';
import { patternRecognizers } from '../../services/cs/src/recognizers/index.js';
import { scanDocument } from '../../services/cs/src/scan/scanDocument.js';
import { loadCsConfig } from '../../services/cs/src/config.js';
import { scanSettings } from '../../services/cs/src/deps.js';
import { DocumentReader } from '../../services/cs/src/reader/DocumentReader.js';
import { readSecHoldout } from './secHoldout.js';
import { prf, SpanScorer, type Span } from './spanMetrics.js';

interface SynthDoc { id: string; kind: string; has_pii: boolean; pages: string[]; entities: (Span & { page: number })[] }

const DATA = 'services/cs/training/data';
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const modelDir = resolveModelDir(process.env.NER_MODEL_DIR ?? '');
const ner = await NerModel.load(modelDir);
const configs = {
  recognizers_only: new PiiDetector(patternRecognizers, null),
  ner_only: new PiiDetector([], ner),
  recognizers_and_ner: new PiiDetector(patternRecognizers, ner),
};
const piiTypes = new Set<string>(DEFAULT_PII_TYPES);

const docs = readFileSync(`${DATA}/synthetic/test.jsonl`, 'utf8').trim().split('\n').slice(0, limit).map((l) => JSON.parse(l) as SynthDoc);
const synthetic: Record<string, unknown> = {};
for (const [name, detector] of Object.entries(configs)) {
  const scorer = new SpanScorer();
  const doc = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const d of docs) {
    const found = await detector.detectPages(d.pages);
    d.pages.forEach((_, i) => scorer.add(d.entities.filter((e) => e.page === i + 1), found.filter((e) => e.page === i + 1)));
    const flagged = found.some((e) => piiTypes.has(e.type));
    if (d.has_pii) flagged ? doc.tp++ : doc.fn++;
    else flagged ? doc.fp++ : doc.tn++;
  }
  synthetic[name] = { documents_text_path: docLevel(doc), entities: scorer.report() };
  console.log(name, JSON.stringify(docLevel(doc)));
}

// routing through the handler's own path, from generated PDFs
const store = new FsObjectStore(mkdtempSync(join(tmpdir(), 'cs-eval-')));
const deps = {
  store, detector: configs.recognizers_and_ner, modelVersion: ner.version, logger: createLogger('cs.eval', { level: 'error' }),
  reader: new DocumentReader({ memoryMb: 1024 }), settings: { ...scanSettings(loadCsConfig({})), piiTypes },
};
const routed = { tp: 0, fp: 0, fn: 0, tn: 0, quarantined: 0 };
const misses: string[] = [];
for (const d of docs) {
  const key = `loans/${d.id}.pdf`;
  await store.put('uploads', key, await writeTextPdf(d.pages));
  const out = await scanDocument(deps, { bucket: 'uploads', key });
  const verdict = out.status === 'routed' ? out.finding.verdict : 'quarantine';
  if (verdict === 'quarantine') routed.quarantined++;
  if (d.has_pii) verdict === 'pii' ? routed.tp++ : (routed.fn++, misses.push(`${d.id} (${d.kind}) -> ${verdict}`));
  else verdict === 'clean' ? routed.tn++ : (routed.fp++, misses.push(`${d.id} (${d.kind}) -> ${verdict}`));
}
console.log('routing via PDF', JSON.stringify(docLevel(routed)), misses.slice(0, 10));

// 18 short texts written by hand in other phrasings than the generator's templates (letters, emails,
// notes, checklists): a small check that the synthetic scores are not only template recall.
const handwritten = readFileSync(`${DATA}/handwritten-eval.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; label: string; text: string });
const handOut: Record<string, unknown> = {};
for (const [name, detector] of Object.entries(configs)) {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const wrong: string[] = [];
  for (const h of handwritten) {
    const flagged = (await detector.detectText(h.text)).some((e) => piiTypes.has(e.type));
    if (h.label === 'pii') flagged ? c.tp++ : (c.fn++, wrong.push(`${h.id} missed`));
    else flagged ? (c.fp++, wrong.push(`${h.id} flagged`)) : c.tn++;
  }
  handOut[name] = { ...docLevel(c), wrong };
  console.log('handwritten', name, JSON.stringify(handOut[name]));
}

const sec = readSecHoldout(`${DATA}/sec-filings-ner/FIN5.txt`);
const secOut: Record<string, unknown> = {};
const secTypes = new Set(['PERSON', 'ORGANIZATION', 'LOCATION']);
for (const [name, detector] of Object.entries(configs)) {
  const scorer = new SpanScorer();
  for (const s of sec) scorer.add(s.spans, (await detector.detectText(s.text)).filter((e) => secTypes.has(e.type)));
  secOut[name] = scorer.report();
  console.log('sec', name, JSON.stringify(scorer.report().exact.ALL));
}
// The SEC set tags places inside postal addresses as LOC; the model was also taught ADDRESS (from the
// synthetic corpus), so this secondary view counts its ADDRESS predictions as LOCATION.
{
  const scorer = new SpanScorer();
  for (const s of sec) {
    const found = (await configs.recognizers_and_ner.detectText(s.text)).map((e) => (e.type === 'ADDRESS' ? { ...e, type: 'LOCATION' } : e));
    scorer.add(s.spans, found.filter((e) => secTypes.has(e.type)));
  }
  secOut.recognizers_and_ner_address_as_location = scorer.report();
}

const trainingPath = join(modelDir, 'training-metrics.json');
const metrics = {
  model_version: ner.version,
  evaluated_at: new Date().toISOString(),
  synthetic_test: { documents: docs.length, with_pii: docs.filter((d) => d.has_pii).length, routing_via_pdf: { ...docLevel(routed), misses }, by_config: synthetic },
  handwritten: { documents: handwritten.length, by_config: handOut },
  sec_holdout: { sentences: sec.length, gold_entities: sec.reduce((n, s) => n + s.spans.length, 0), note: 'documents 2 and 5 of FIN5, role words Borrower/Lender relabelled O', by_config: secOut },
  training: existsSync(trainingPath) ? JSON.parse(readFileSync(trainingPath, 'utf8')) : null,
};
writeFileSync(join(modelDir, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
console.log(`wrote ${join(modelDir, 'metrics.json')}`);

function docLevel(c: { tp: number; fp: number; fn: number; tn: number }) {
  return { ...c, pii_recall: round(c.tp / Math.max(1, c.tp + c.fn)), clean_kept_clean: round(c.tn / Math.max(1, c.tn + c.fp)), pii_precision: prf(c).precision };
}
function round(x: number) { return Math.round(x * 10000) / 10000; }
