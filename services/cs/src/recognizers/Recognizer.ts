/** How a result was found, so an audit can explain each hit (Presidio's AnalysisExplanation). */
export interface Explanation {
  recognizer: string;
  pattern?: string;
  /** Outcome of the checksum or rule check, when the recognizer has one. */
  validation?: 'passed' | 'none';
  /** Context words seen near the match that raised its score. */
  contextWords?: string[];
  originalScore: number;
  textual: string;
}

/** One entity found in a text: character offsets [start, end), a score in [0, 1] and its explanation. */
export interface RecognizerResult {
  type: string;
  start: number;
  end: number;
  score: number;
  recognizer: string;
  explanation: Explanation;
}

/** Finds entities of the types it supports in a text. */
export interface Recognizer {
  readonly name: string;
  readonly entityTypes: readonly string[];
  analyze(text: string): RecognizerResult[];
}
