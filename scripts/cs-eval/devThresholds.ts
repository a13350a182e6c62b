// Per-entity thresholds chosen on the development split (never the held-out sets).
//   npx tsx scripts/cs-eval/devThresholds.ts
// Runs the NER model once per dev row (cached), then, for each predicted entity type, moves that type's
// threshold over 0.3-0.9 with every other type at 0.5 and prints token-level PII precision / recall / F2
// (the held-out script's measure), plus the false positives of that type. A threshold is worth setting
// only where it raises F2 on this split; services/cs/src/detect/minScores.ts holds the choice.
import { readFileSync } from 'node:fs';
import { PiiDetector, type TextAnalyzer } from '../../services/cs/src/detect/PiiDetector.js';
import { NerModel } from '../../services/cs/src/ner/NerModel.js';
import { resolveModelDir } from '../../services/cs/src/ner/modelDir.js';
import type { RecognizerResult } from '../../services/cs/src/recognizers/Recognizer.js';
import { patternRecognizers } from '../../services/cs/src/recognizers/index.js';
import { TokenScorer, type GoldSpan } from './tokenMetrics.js';

interface Row { id: string; set: string; text: string; spans: GoldSpan[] }
const rows = readFileSync('services/cs/training/data/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
const model = await NerModel.load(resolveModelDir(process.env.NER_MODEL_DIR ?? ''));
const cache = new Map<string, RecognizerResult[]>();
const ner: TextAnalyzer = {
  name: model.name,
  async analyze(text) {
    if (!cache.has(text)) cache.set(text, await model.analyze(text));
    return cache.get(text)!;
  },
};

async function score(minScores: Record<string, number>): Promise<{ p: number; r: number; f2: number; byType: Map<string, number> }> {
  const detector = new PiiDetector(patternRecognizers, ner, minScores, 0.5);
  const all = new TokenScorer();
  const fpByType = new Map<string, number>();
  for (const row of rows) {
    const found = await detector.detectText(row.text);
    all.add(row.text, row.spans, found);
    for (const f of found) {
      const one = new TokenScorer();
      one.add(row.text, row.spans, [f]);
      fpByType.set(f.type, (fpByType.get(f.type) ?? 0) + one.fp);
    }
  }
  const rep = all.report();
  return { p: rep.precision, r: rep.recall, f2: rep.f2, byType: fpByType };
}

const base = await score({});
console.log(`all at 0.5: P ${base.p} R ${base.r} F2 ${base.f2}; false-positive tokens by type ${JSON.stringify(Object.fromEntries(base.byType))}`);

const types = [...new Set([...base.byType.keys(), ...(await score(Object.fromEntries(patternRecognizers.flatMap((r) => r.entityTypes).map((t) => [t, 0.3])))).byType.keys()])].sort();

for (const type of types) {
  const line: string[] = [];
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const s = await score({ [type]: t });
    line.push(`${t}: F2 ${s.f2} (P ${s.p} R ${s.r}, fp ${s.byType.get(type) ?? 0})`);
  }
  console.log(`${type.padEnd(18)} ${line.join(' | ')}`);
}
