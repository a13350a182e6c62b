import { readFileSync } from 'node:fs';
import type { Span } from './spanMetrics.js';

// Corpus tags -> our entity types (as scripts/train-ner/data.py maps them for training).
const TYPES: Record<string, string> = {
  PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION', person: 'PERSON', location: 'LOCATION', corporation: 'ORGANIZATION', group: 'ORGANIZATION',
};

/** A CoNLL file (token<TAB>tag, IO or BIO) as sentences: tokens joined by spaces, entity spans. */
export function readConll(path: string): { text: string; spans: Span[] }[] {
  const out: { text: string; spans: Span[] }[] = [];
  let tokens: [string, string][] = [];
  const flush = () => {
    let text = '';
    const spans: Span[] = [];
    let open: Span | null = null;
    for (const [word, tag] of tokens) {
      if (text) text += ' ';
      const start = text.length;
      text += word;
      const [prefix, raw] = tag === 'O' ? ['O', ''] : [tag.slice(0, 1), tag.slice(2)];
      const type = TYPES[raw];
      if (type && open && open.type === type && prefix === 'I') open.end = text.length;
      else {
        if (open) spans.push(open);
        open = type ? { type, start, end: text.length } : null;
      }
    }
    if (open) spans.push(open);
    if (text) out.push({ text, spans });
    tokens = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const parts = line.includes('\t') ? line.split('\t') : line.trim().split(/\s+/);
    if (!line.trim() || parts[0] === '-DOCSTART-') flush();
    else tokens.push([parts[0]!, parts[parts.length - 1]!]);
  }
  flush();
  return out;
}
