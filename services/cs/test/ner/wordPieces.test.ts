import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WordPieceEncoder } from '../../src/ner/wordPieces.js';

// Golden ids written by the Rust `tokenizers` library (scripts/train-ner/token_golden.py), the
// tokenizer the model was trained with: the service must produce the same ids from the same text.
const MODEL = join(import.meta.dirname, '../../model');
const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/tokenizer-golden.json'), 'utf8')) as { text: string; ids: number[] }[];
const encoder = new WordPieceEncoder(JSON.parse(readFileSync(join(MODEL, 'tokenizer.json'), 'utf8')) as object);

describe('Class: WordPieceEncoder', () => {
  it.each(golden.map((g) => [g.text.slice(0, 40), g] as const))('matches the training tokenizer: %s', (_t, g) => {
    expect(encoder.encode(g.text).ids).toEqual(g.ids);
  });

  it('maps every sub-word to a word whose offsets cut the original text', () => {
    const text = 'Borrower: Siobhán Ní Bhriain, 12 Main St.';
    const pieces = encoder.encode(text);
    expect(pieces.wordOf.length).toBe(pieces.ids.length);
    expect(pieces.words.map((w) => text.slice(w.start, w.end))).toEqual(['Borrower', ':', 'Siobhán', 'Ní', 'Bhriain', ',', '12', 'Main', 'St', '.']);
  });
});
