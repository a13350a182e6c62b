import type { Recognizer, RecognizerResult } from '../recognizers/Recognizer.js';
import { mergeResults } from './merge.js';
import { normalizeText } from './normalizeText.js';

/** Anything that finds entities in text asynchronously (the transformer NER model). */
export interface TextAnalyzer {
  readonly name: string;
  analyze(text: string): Promise<RecognizerResult[]>;
}

export interface PageEntity extends RecognizerResult {
  page: number;
}

/** Results below this score are weak evidence (a bare nine-digit number) and are not reported. */
export const MIN_SCORE = 0.5;

/** Runs the pattern recognizers and the NER model over each page and merges their results. */
export class PiiDetector {
  constructor(
    private readonly recognizers: readonly Recognizer[],
    private readonly ner: TextAnalyzer | null,
    private readonly minScore = MIN_SCORE,
  ) {}

  /** Entities of one text, offsets into `text` as given (the recognizers read its normalised form). */
  async detectText(text: string): Promise<RecognizerResult[]> {
    const normalized = normalizeText(text);
    const found = this.recognizers.flatMap((r) => r.analyze(normalized.text));
    if (this.ner) found.push(...(await this.ner.analyze(normalized.text)));
    return mergeResults(found.filter((r) => r.score >= this.minScore))
      .map((r) => (normalized.text === text ? r : { ...r, ...normalized.toOriginal(r.start, r.end) }));
  }

  async detectPages(pages: readonly string[]): Promise<PageEntity[]> {
    const out: PageEntity[] = [];
    for (const [i, text] of pages.entries()) {
      for (const r of await this.detectText(text)) out.push({ ...r, page: i + 1 });
    }
    return out;
  }
}
