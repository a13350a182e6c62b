import type { Word } from './wordPieces.js';

/** The prediction for one word: its BIO label and the probability of that label. */
export interface WordLabel {
  label: string;
  prob: number;
}

export interface Span {
  type: string;
  start: number;
  end: number;
  score: number;
}

/**
 * Joins word labels into entity spans: B-X opens an entity, I-X continues an open X (or opens one
 * when none is open: models sometimes skip the B), O closes. Score is the mean word probability.
 */
export function aggregateBio(words: Word[], labels: WordLabel[]): Span[] {
  const spans: Span[] = [];
  let open: { type: string; start: number; end: number; probs: number[] } | null = null;
  const close = () => {
    if (open) spans.push({ type: open.type, start: open.start, end: open.end, score: open.probs.reduce((a, b) => a + b, 0) / open.probs.length });
    open = null;
  };
  labels.forEach((wl, i) => {
    const word = words[i]!;
    if (wl.label === 'O') return close();
    const [prefix, type] = wl.label.split('-') as [string, string];
    if (prefix === 'I' && open && open.type === type) {
      open.end = word.end;
      open.probs.push(wl.prob);
      return;
    }
    close();
    open = { type, start: word.start, end: word.end, probs: [wl.prob] };
  });
  close();
  return spans;
}
