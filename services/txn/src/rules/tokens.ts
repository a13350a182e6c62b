import { RuleSyntaxError } from './errors.js';

export type TokenKind = 'number' | 'string' | 'variable' | 'list' | 'word' | 'op' | 'end';

/** One token of a rule expression; `at` is its 0-based offset (the column minus one). */
export interface Token {
  kind: TokenKind;
  text: string;
  /** Number tokens: the value; string tokens: the unescaped text. */
  value?: number | string;
  at: number;
}

const OPERATORS = ['==', '!=', '>=', '<=', '>', '<', '+', '-', '*', '/', '%', '!', '(', ')', '[', ']', ','];
/** Operators of other languages, with the word this one uses. */
const MISSPELT: Record<string, string> = {
  '=': "'=' is not an operator (compare with '==')", '&': "'&' is not an operator (write 'and')", '|': "'|' is not an operator (write 'or')",
};
const NAME = /[A-Za-z0-9_]/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/**
 * Splits a rule written in Amazon Fraud Detector's rule language (DETECTORPL) into tokens: `$variable`,
 * `@list`, numbers, double-quoted strings, words (and, or, not, in, true, false, function names) and
 * operators. In strings, `\"` and `\\` are escapes; any other backslash is kept, so the documented
 * `regex_match(".*@gmail\.com", ...)` reaches the regex engine as written.
 */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    const at = i;
    if (c === '$' || c === '@') {
      let j = i + 1;
      while (j < src.length && NAME.test(src[j]!)) j++;
      if (j === i + 1) throw new RuleSyntaxError(`${c === '$' ? 'a variable' : 'a list'} name must follow '${c}'`, src, at);
      out.push({ kind: c === '$' ? 'variable' : 'list', text: src.slice(i + 1, j), at });
      i = j;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let text = '';
      for (; j < src.length && src[j] !== '"'; j++) {
        if (src[j] === '\\' && (src[j + 1] === '"' || src[j + 1] === '\\')) text += src[++j];
        else text += src[j];
      }
      if (j >= src.length) throw new RuleSyntaxError('string is not closed (a closing " is missing)', src, at);
      out.push({ kind: 'string', text: src.slice(i, j + 1), value: text, at });
      i = j + 1;
      continue;
    }
    if (c === "'") throw new RuleSyntaxError('strings are written in double quotes', src, at);
    const num = /[0-9.]/.test(c) ? NUMBER.exec(src.slice(i)) : null;
    if (num) {
      out.push({ kind: 'number', text: num[0], value: Number(num[0]), at });
      i += num[0].length;
      if (i < src.length && /[A-Za-z_]/.test(src[i]!)) throw new RuleSyntaxError(`unexpected '${src[i]}' after the number ${num[0]}`, src, i);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && NAME.test(src[j]!)) j++;
      out.push({ kind: 'word', text: src.slice(i, j), at });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new RuleSyntaxError(MISSPELT[c] ?? `unexpected character '${c}'`, src, at);
    out.push({ kind: 'op', text: op, at });
    i += op.length;
  }
  out.push({ kind: 'end', text: 'end of rule', at: src.length });
  return out;
}
