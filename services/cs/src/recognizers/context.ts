/** Where to look for context words around a match: the text before it on its line, `lines` lines above, and a little after. */
export interface ContextWindow {
  lines: number;
  maxChars: number;
  after: number;
}

export const DEFAULT_WINDOW: ContextWindow = { lines: 1, maxChars: 120, after: 24 };

/**
 * Context words found near [start, end). Words match whole (case-insensitive), so `account` does
 * not fire inside `accountant`; labels above a value (forms, table headers) count as context.
 */
export function findContext(text: string, start: number, end: number, words: readonly string[], window = DEFAULT_WINDOW): string[] {
  let from = start;
  for (let seen = -1; seen < window.lines && from > 0; ) {
    from -= 1;
    if (text[from] === '\n') seen += 1;
  }
  from = Math.max(from, start - window.maxChars, 0);
  const around = `${text.slice(from, start)} ${text.slice(end, end + window.after)}`.toLowerCase();
  return words.filter((w) => wordRegex(w).test(around));
}

// compiled once per word: recognizers ask for the same few dozen words on every candidate
const compiled = new Map<string, RegExp>();
function wordRegex(word: string): RegExp {
  let re = compiled.get(word);
  if (!re) {
    re = new RegExp(`(^|[^a-z])${escapeRegExp(word.toLowerCase())}($|[^a-z])`);
    compiled.set(word, re);
  }
  return re;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
