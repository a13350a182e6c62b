import type { Recognizer, RecognizerResult } from '../recognizers/Recognizer.js';
import { mergeResults } from './merge.js';
import { DEFAULT_MIN_SCORES, MIN_SCORE } from './minScores.js';
import { hasRightToLeftOverride, normalizeText, visualText, type NormalizedText } from './normalizeText.js';

/** Anything that finds entities in text asynchronously (the transformer NER model). */
export interface TextAnalyzer {
  readonly name: string;
  analyze(text: string): Promise<RecognizerResult[]>;
}

export interface PageEntity extends RecognizerResult {
  page: number;
}

/** Results below their type's threshold (MIN_SCORE by default) are weak evidence (a bare nine-digit number) and are not reported. */
export { MIN_SCORE };

/** Runs the pattern recognizers and the NER model over each page and merges their results. */
export class PiiDetector {
  constructor(
    private readonly recognizers: readonly Recognizer[],
    private readonly ner: TextAnalyzer | null,
    private readonly minScores: Readonly<Record<string, number>> = DEFAULT_MIN_SCORES,
    private readonly minScore = MIN_SCORE,
  ) {}

  /**
   * Entities of one text, offsets into `text` as given (the recognizers read its normalised form,
   * format controls removed). A text with a right-to-left override is also read in the order a
   * person sees it (`visualText`): `\u202EhtimS nhoJ` displays, and must be found as, `John Smith`.
   * The stored order is read as well, since that is what software and a copy-paste get.
   */
  async detectText(text: string): Promise<RecognizerResult[]> {
    const views: NormalizedText[] = [normalizeText(text), ...(hasRightToLeftOverride(text) ? [visualText(text)] : [])];
    const found: RecognizerResult[] = [];
    for (const view of views) {
      const inView = this.recognizers.flatMap((r) => r.analyze(view.text));
      if (this.ner) inView.push(...(await this.ner.analyze(view.text)));
      for (const r of inView) if (r.score >= (this.minScores[r.type] ?? this.minScore)) found.push(view.text === text ? r : { ...r, ...view.toOriginal(r.start, r.end) });
    }
    return mergeResults(found);
  }

  async detectPages(pages: readonly string[]): Promise<PageEntity[]> {
    const out: PageEntity[] = [];
    for (const [i, text] of pages.entries()) {
      for (const r of await this.detectText(text)) out.push({ ...r, page: i + 1 });
    }
    return out;
  }
}
