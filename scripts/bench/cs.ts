// cs benchmark: NER model load, reader start, and scan throughput over a mixed set of realistic
// documents (dense statements and an agreement printed by Chromium, filled forms, scans at 150/200/300
// dpi) through the handler's own path (HEAD -> download -> reader process: pdf.js, OCR -> detect ->
// route), plus the old 10-page synthetic application for comparison. One tesseract worker and one
// onnxruntime thread: figures are per core. Usage: npx tsx scripts/bench/cs.ts [--rounds 2]
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, FsObjectStore } from '@sfc/shared';
import { loadCsConfig } from '../../services/cs/src/config.js';
import { scanSettings } from '../../services/cs/src/deps.js';
import { PiiDetector } from '../../services/cs/src/detect/PiiDetector.js';
import { NerModel } from '../../services/cs/src/ner/NerModel.js';
import { resolveModelDir } from '../../services/cs/src/ner/modelDir.js';
import { DocumentReader } from '../../services/cs/src/reader/DocumentReader.js';
import { patternRecognizers } from '../../services/cs/src/recognizers/index.js';
import { scanDocument } from '../../services/cs/src/scan/scanDocument.js';
import type { ScanDeps } from '../../services/cs/src/scan/ScanDeps.js';
import { writeScannedPdf } from '../../services/cs/src/local/documents/scannedPage.js';
import { writeTextPdf } from '../../services/cs/src/local/pdfWriter.js';
import { benchDocuments } from './csDocuments.js';

const at = process.argv.indexOf('--rounds');
const ROUNDS = at > 0 ? Number(process.argv[at + 1]) : 2;

const t0 = performance.now();
const ner = await NerModel.load(resolveModelDir(process.env.NER_MODEL_DIR ?? ''), { threads: 1 });
const loadMs = performance.now() - t0;

const synth = readFileSync('services/cs/training/data/synthetic/test.jsonl', 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l) as { kind: string; pages: string[] });
const pagesPool = synth.filter((d) => d.kind !== 'clean').flatMap((d) => d.pages).filter((p) => p.length > 300);
const documents = await benchDocuments(pagesPool.slice(0, 10));

const reader = new DocumentReader({ memoryMb: 1024 });
const config = loadCsConfig({ ...process.env, OCR_WORKERS: '1' });
const deps: ScanDeps = {
  store: new FsObjectStore(mkdtempSync(join(tmpdir(), 'cs-bench-'))), reader, detector: new PiiDetector(patternRecognizers, ner),
  modelVersion: ner.version, logger: createLogger('cs.bench', { level: 'error' }), settings: scanSettings(config),
};
let n = 0;
async function scan(bytes: Uint8Array) {
  const key = `loans/bench-${n++}.pdf`;
  await deps.store.put('uploads', key, bytes);
  const out = await scanDocument(deps, { bucket: 'uploads', key });
  if (out.status !== 'routed') throw new Error(`not routed: ${out.status}`);
  return out.finding;
}

// cold start: the first document starts the reader process, the first scan starts tesseract
let t = performance.now();
await scan(await writeTextPdf(['warm-up page']));
const readerStartMs = performance.now() - t;
t = performance.now();
await scan(await writeScannedPdf(['WARM UP'], { dpi: 150 }));
const ocrStartMs = performance.now() - t;

interface Row { docs: number; pages: number; ms: number; extract: number; ocr: number; detect: number; route: number; ocrPages: number; verdicts: Record<string, number>; producers: Set<string> }
const rows = new Map<string, Row>();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const d of documents) {
    const start = performance.now();
    const f = await scan(d.bytes);
    const ms = performance.now() - start;
    const row = rows.get(d.kind) ?? { docs: 0, pages: 0, ms: 0, extract: 0, ocr: 0, detect: 0, route: 0, ocrPages: 0, verdicts: {}, producers: new Set() };
    row.docs += 1; row.pages += f.pages; row.ms += ms; row.extract += f.timings_ms.extract + f.timings_ms.download;
    row.ocr += f.timings_ms.ocr; row.detect += f.timings_ms.detect; row.route += f.timings_ms.route; row.ocrPages += f.read.ocr_pages;
    row.verdicts[f.verdict] = (row.verdicts[f.verdict] ?? 0) + 1;
    row.producers.add(d.producer);
    rows.set(d.kind, row);
  }
}
reader.close();

const round1 = (x: number) => Math.round(x * 10) / 10;
const all = [...rows.values()];
const mixed = all.filter((_, i) => [...rows.keys()][i] !== 'synthetic application');
const sum = (xs: Row[], k: 'pages' | 'ms' | 'ocr' | 'ocrPages') => xs.reduce((s, r) => s + r[k], 0);
const result = {
  model_load_ms: Math.round(loadMs),
  reader_start_ms: Math.round(readerStartMs),
  first_ocr_document_ms: Math.round(ocrStartMs),
  rounds: ROUNDS,
  by_kind: Object.fromEntries([...rows].map(([kind, r]) => [kind, {
    documents: r.docs, pages: r.pages, pages_per_second: round1(r.pages / (r.ms / 1000)),
    ms_per_page: { read: round1(r.extract / r.pages), ocr: round1(r.ocr / r.pages), detect: round1(r.detect / r.pages), route: round1(r.route / r.pages) },
    verdicts: r.verdicts, producers: [...r.producers],
  }])),
  mixed_realistic_pages_per_second: round1(sum(mixed, 'pages') / (sum(mixed, 'ms') / 1000)),
  ocr_pages_per_second_per_core: round1(sum(all, 'ocrPages') / (sum(all, 'ocr') / 1000)),
  peak_rss_mb: { handler_process: Math.round(process.resourceUsage().maxRSS / 1024), reader_process: Math.round(reader.peakBytes / 1048576) },
  ocr_dpi: config.OCR_DPI,
  node: process.version,
};
console.log(JSON.stringify(result, null, 2));
