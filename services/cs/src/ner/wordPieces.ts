import { Tokenizer } from '@huggingface/tokenizers';

/** A pre-token (word) of the page with its character offsets. */
export interface Word {
  start: number;
  end: number;
}

/** Sub-word ids of a text and, for each id, the index of the word it belongs to. */
export interface WordPieces {
  words: Word[];
  ids: number[];
  wordOf: number[];
}

/**
 * WordPiece ids with offsets back to the original text. tokenizers.js returns ids without offsets,
 * so the text is split into words by the tokenizer's own pre-tokenizer, each word is located in the
 * text, and each word is encoded (normalizer + WordPiece) by the library: every id maps to a word.
 */
export class WordPieceEncoder {
  private readonly tokenizer: Tokenizer;
  private readonly cache = new Map<string, number[]>();
  readonly clsId: number;
  readonly sepId: number;
  readonly padId: number;

  constructor(tokenizerJson: object, tokenizerConfig: object = {}) {
    this.tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    this.clsId = this.idOf('[CLS]');
    this.sepId = this.idOf('[SEP]');
    this.padId = this.idOf('[PAD]');
  }

  encode(text: string): WordPieces {
    const out: WordPieces = { words: [], ids: [], wordOf: [] };
    const pre = this.tokenizer.pre_tokenizer;
    const pieces = pre ? pre.pre_tokenize_text(text) : text.split(/\s+/);
    let cursor = 0;
    for (const piece of pieces) {
      const start = text.indexOf(piece, cursor);
      if (start < 0 || piece.length === 0) continue;
      cursor = start + piece.length;
      const ids = this.wordIds(piece);
      if (ids.length === 0) continue;
      const index = out.words.push({ start, end: cursor }) - 1;
      for (const id of ids) {
        out.ids.push(id);
        out.wordOf.push(index);
      }
    }
    return out;
  }

  private wordIds(word: string): number[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const ids = this.tokenizer.encode(word, { add_special_tokens: false }).ids;
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(word, ids);
    return ids;
  }

  private idOf(token: string): number {
    const id = this.tokenizer.token_to_id(token);
    if (id === undefined) throw new Error(`tokenizer has no ${token} token`);
    return id;
  }
}
