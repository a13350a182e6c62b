import { readFileSync } from 'node:fs';
import type { Span } from './spanMetrics.js';

// Same choices as scripts/train-ner/data.py: documents 2 and 5 are held out, role words relabelled O.
const HOLDOUT = new Set([2, 5]);
const ROLE_WORDS = new Set(['borrower', 'borrowers', 'lender', 'lenders']);
const TYPES: Record<string, string> = { 'I-PER': 'PERSON', 'I-ORG': 'ORGANIZATION', 'I-LOC': 'LOCATION' };

/** Held-out SEC sentences as text (tokens joined by spaces) with gold spans from the IO tags. */
export function readSecHoldout(path: string, cleanRoles = true): { text: string; spans: Span[] }[] {
  const out: { text: string; spans: Span[] }[] = [];
  let doc = 0;
  let tokens: [string, string][] = [];
  const flush = () => {
    if (tokens.length && HOLDOUT.has(doc)) {
      let text = '';
      const spans: Span[] = [];
      let open: Span | null = null;
      for (const [word, tag] of tokens) {
        if (text) text += ' ';
        const start = text.length;
        text += word;
        let type = TYPES[tag];
        if (cleanRoles && type === 'PERSON' && ROLE_WORDS.has(word.toLowerCase())) type = undefined;
        if (type && open && open.type === type) open.end = text.length;
        else {
          if (open) spans.push(open);
          open = type ? { type, start, end: text.length } : null;
        }
      }
      if (open) spans.push(open);
      out.push({ text, spans });
    }
    tokens = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (!line.trim()) flush();
    else if (parts[0] === '-DOCSTART-') { flush(); doc += 1; }
    else tokens.push([parts[0]!, parts[parts.length - 1]!]);
  }
  flush();
  return out;
}
