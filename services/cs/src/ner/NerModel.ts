import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { RecognizerResult } from '../recognizers/Recognizer.js';
import { ModelLoadError } from '../errors.js';
import { aggregateBio, type WordLabel } from './bio.js';
import { plausibleSpan } from './plausibleSpan.js';
import { slidingWindows } from './windows.js';
import { WordPieceEncoder } from './wordPieces.js';

interface LabelMap {
  /** Model family reported in the version string; files from before it was written are MiniLM-L6. */
  name?: string;
  /**
   * One character the model was trained to see in place of each line break (the tokenizer drops line
   * breaks, so a form's next label would otherwise read as part of the previous value). Absent: none.
   */
  newline?: string;
  labels: string[];
  max_len: number;
  /** Model label suffix -> entity type reported (PER -> PERSON). */
  types: Record<string, string>;
}

export const MODEL_FILE = 'model.int8.onnx';
/**
 * Sub-words shared by neighbouring windows of a long page; each keeps half of it (see slidingWindows), so
 * every kept sub-word has at least 8 of context on both sides. 16 instead of 32 reads about 15% fewer
 * sub-words on long pages; the development split scored the same at both (services/cs/README.md).
 */
export const DEFAULT_OVERLAP = 16;
const BATCH = 8;

/** The fine-tuned MiniLM token classifier: one ONNX session, reused for every page. */
export class NerModel {
  readonly name = 'TransformerNerRecognizer';

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly encoder: WordPieceEncoder,
    private readonly labelMap: LabelMap,
    readonly version: string,
    private readonly overlap: number,
  ) {}

  /** Loads model.int8.onnx, tokenizer.json and labels.json from `dir`. */
  static async load(dir: string, options: { threads?: number; overlap?: number } = {}): Promise<NerModel> {
    try {
      const [modelBytes, tokenizerJson, labels] = await Promise.all([
        readFile(join(dir, MODEL_FILE)), readFile(join(dir, 'tokenizer.json'), 'utf8'), readFile(join(dir, 'labels.json'), 'utf8'),
      ]);
      const session = await ort.InferenceSession.create(modelBytes, {
        intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1, graphOptimizationLevel: 'all',
      });
      const labelMap = JSON.parse(labels) as LabelMap;
      if (labelMap.newline !== undefined && labelMap.newline.length !== 1) {
        throw new Error(`labels.json: "newline" must be one character (offsets must not move), got ${JSON.stringify(labelMap.newline)}`);
      }
      const version = `${labelMap.name ?? 'minilm-l6-ner-int8'}@${createHash('sha256').update(modelBytes).digest('hex').slice(0, 12)}`;
      return new NerModel(session, new WordPieceEncoder(JSON.parse(tokenizerJson) as object), labelMap, version, options.overlap ?? DEFAULT_OVERLAP);
    } catch (err) {
      throw new ModelLoadError(dir, err);
    }
  }

  /** Entities in `text`, with offsets into `text`. Long texts are read in overlapping windows. */
  async analyze(text: string): Promise<RecognizerResult[]> {
    const pieces = this.encoder.encode(markLineBreaks(text, this.labelMap.newline));
    if (pieces.ids.length === 0) return [];
    const size = this.labelMap.max_len - 2;
    const windows = slidingWindows(pieces.ids.length, size, this.overlap);
    const tokenLabels: WordLabel[] = new Array(pieces.ids.length);
    for (let b = 0; b < windows.length; b += BATCH) {
      const batch = windows.slice(b, b + BATCH);
      const width = Math.max(...batch.map((w) => w.end - w.start)) + 2;
      const ids = new BigInt64Array(batch.length * width);
      const mask = new BigInt64Array(batch.length * width);
      batch.forEach((w, r) => {
        const row = [this.encoder.clsId, ...pieces.ids.slice(w.start, w.end), this.encoder.sepId];
        row.forEach((id, c) => { ids[r * width + c] = BigInt(id); mask[r * width + c] = 1n; });
        for (let c = row.length; c < width; c += 1) ids[r * width + c] = BigInt(this.encoder.padId);
      });
      const out = await this.session.run({
        input_ids: new ort.Tensor('int64', ids, [batch.length, width]),
        attention_mask: new ort.Tensor('int64', mask, [batch.length, width]),
      });
      const logits = out.logits!.data as Float32Array;
      const n = this.labelMap.labels.length;
      batch.forEach((w, r) => {
        for (let t = w.keepFrom; t < w.keepTo; t += 1) {
          tokenLabels[t] = this.best(logits, (r * width + (t - w.start) + 1) * n, n);
        }
      });
    }
    // a word takes the label of its first sub-word, as in training
    const wordLabels: WordLabel[] = [];
    pieces.wordOf.forEach((word, t) => { if (wordLabels[word] === undefined) wordLabels[word] = tokenLabels[t]!; });
    return aggregateBio(pieces.words, wordLabels).filter((s) => plausibleSpan(text.slice(s.start, s.end))).map((s) => {
      let type = this.labelMap.types[s.type] ?? s.type;
      // an address names a dwelling only with a house number or postcode; "Columbus, Ohio" is a place
      if (type === 'ADDRESS' && !/\d/.test(text.slice(s.start, s.end))) type = 'LOCATION';
      const score = Math.round(s.score * 1000) / 1000;
      return {
        type, start: s.start, end: s.end, score, recognizer: this.name,
        explanation: { recognizer: this.name, originalScore: score, textual: `transformer NER (${this.version}) labelled ${s.type}` },
      };
    });
  }

  private best(logits: Float32Array, offset: number, n: number): WordLabel {
    let arg = 0;
    let max = -Infinity;
    for (let k = 0; k < n; k += 1) if (logits[offset + k]! > max) { max = logits[offset + k]!; arg = k; }
    let sum = 0;
    for (let k = 0; k < n; k += 1) sum += Math.exp(logits[offset + k]! - max);
    return { label: this.labelMap.labels[arg]!, prob: 1 / sum };
  }
}

/** `text` with each line break replaced by `marker`, one character for one, so every offset stays put. */
export function markLineBreaks(text: string, marker?: string): string {
  if (!marker) return text;
  return text.replace(/[\n\u2028\u2029]/g, marker);
}
