import type { BinaryOp, Node, SetRef } from './ast.js';
import { RuleSyntaxError } from './errors.js';
import { tokenize, type Token } from './tokens.js';

/** Longest rule AFD accepts (its documented limit: under 4,000 characters). */
export const MAX_EXPRESSION_CHARS = 4000;

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false']);

/**
 * Recursive-descent parser of Amazon Fraud Detector's rule language. Precedence, loosest first:
 * `or`; `and`; `not` / `!`; comparisons and `in` / `not in` (not chained); `+ -`; `* / %`; unary `-`.
 * Keywords are case-insensitive; variable, list and function names are not.
 */
export function parseRule(expression: string): Node {
  if (expression.length >= MAX_EXPRESSION_CHARS) throw new RuleSyntaxError(`a rule must be under ${MAX_EXPRESSION_CHARS} characters (this one has ${expression.length})`, expression, MAX_EXPRESSION_CHARS - 1);
  const tokens = tokenize(expression);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const fail = (reason: string, t: Token = peek()): never => { throw new RuleSyntaxError(reason, expression, t.at); };
  const isWord = (t: Token, w: string) => t.kind === 'word' && t.text.toLowerCase() === w;
  const isOp = (t: Token, o: string) => t.kind === 'op' && t.text === o;
  const describe = (t: Token) => (t.kind === 'end' ? 'the end of the rule' : `'${t.text.length > 20 ? `${t.text.slice(0, 20)}...` : t.kind === 'variable' ? `$${t.text}` : t.kind === 'list' ? `@${t.text}` : t.text}'`);
  const expectOp = (o: string, what: string) => {
    if (!isOp(peek(), o)) fail(`expected '${o}' ${what}, found ${describe(peek())}`);
    pos++;
  };

  function or(): Node {
    let left = and();
    while (isWord(peek(), 'or')) { const at = tokens[pos++]!.at; left = { kind: 'binary', op: 'or', left, right: and(), at }; }
    return left;
  }
  function and(): Node {
    let left = not();
    while (isWord(peek(), 'and')) { const at = tokens[pos++]!.at; left = { kind: 'binary', op: 'and', left, right: not(), at }; }
    return left;
  }
  function not(): Node {
    const t = peek();
    if ((isWord(t, 'not') && !isWord(tokens[pos + 1]!, 'in')) || isOp(t, '!')) { pos++; return { kind: 'unary', op: 'not', operand: not(), at: t.at }; }
    return comparison();
  }
  function comparison(): Node {
    const left = additive();
    const t = peek();
    if (t.kind === 'op' && COMPARISONS.has(t.text)) {
      pos++;
      const node: Node = { kind: 'binary', op: t.text as BinaryOp, left, right: additive(), at: t.at };
      const next = peek();
      if (next.kind === 'op' && COMPARISONS.has(next.text)) fail(`comparisons do not chain: combine them with 'and'`, next);
      return node;
    }
    if (isWord(t, 'in')) { pos++; return { kind: 'in', negated: false, value: left, set: set(), at: t.at }; }
    if (isWord(t, 'not') && isWord(tokens[pos + 1]!, 'in')) { pos += 2; return { kind: 'in', negated: true, value: left, set: set(), at: t.at }; }
    return left;
  }
  function set(): SetRef {
    const t = peek();
    if (t.kind === 'list') { pos++; return { kind: 'named', name: t.text, at: t.at }; }
    if (!isOp(t, '[')) fail(`expected a list after 'in' ([1, 2] or @list_name), found ${describe(t)}`);
    pos++;
    const values: (number | string)[] = [];
    while (!isOp(peek(), ']')) {
      const v = peek();
      const negative = isOp(v, '-') && tokens[pos + 1]!.kind === 'number';
      if (negative) pos++;
      const lit = peek();
      if (lit.kind !== 'number' && lit.kind !== 'string') fail(`a list holds numbers and strings only, found ${describe(lit)}`, lit);
      values.push(negative ? -(lit.value as number) : lit.value!);
      pos++;
      if (isOp(peek(), ',')) { pos++; if (isOp(peek(), ']')) fail(`expected a value after ',', found ']'`); }
      else if (!isOp(peek(), ']')) fail(`expected ',' or ']' in the list, found ${describe(peek())}`);
    }
    if (values.length === 0) fail('a list needs at least one value', t);
    pos++;
    return { kind: 'literal', values, at: t.at };
  }
  function additive(): Node {
    let left = multiplicative();
    for (let t = peek(); isOp(t, '+') || isOp(t, '-'); t = peek()) { pos++; left = { kind: 'binary', op: t.text as BinaryOp, left, right: multiplicative(), at: t.at }; }
    return left;
  }
  function multiplicative(): Node {
    let left = unary();
    for (let t = peek(); isOp(t, '*') || isOp(t, '/') || isOp(t, '%'); t = peek()) { pos++; left = { kind: 'binary', op: t.text as BinaryOp, left, right: unary(), at: t.at }; }
    return left;
  }
  function unary(): Node {
    const t = peek();
    if (isOp(t, '-')) { pos++; return { kind: 'unary', op: '-', operand: unary(), at: t.at }; }
    return primary();
  }
  function primary(): Node {
    const t = peek();
    switch (t.kind) {
      case 'number': pos++; return { kind: 'number', value: t.value as number, at: t.at };
      case 'string': pos++; return { kind: 'string', value: t.value as string, at: t.at };
      case 'variable': pos++; return { kind: 'variable', name: t.text, at: t.at };
      case 'list': return fail(`a list (@${t.text}) can only follow 'in' or 'not in'`);
      case 'word': {
        const w = t.text.toLowerCase();
        if (w === 'true' || w === 'false') { pos++; return { kind: 'boolean', value: w === 'true', at: t.at }; }
        if (KEYWORDS.has(w)) return fail(`expected a value, found ${describe(t)}`);
        if (!isOp(tokens[pos + 1]!, '(')) return fail(`'${t.text}' is not a value: variables start with '$' ($${t.text}), strings are in double quotes`);
        pos += 2;
        const args: Node[] = [];
        if (!isOp(peek(), ')')) {
          args.push(or());
          while (isOp(peek(), ',')) { pos++; args.push(or()); }
        }
        expectOp(')', `to close the arguments of ${t.text}(`);
        return { kind: 'call', name: t.text, args, at: t.at };
      }
      case 'op':
        if (t.text === '(') {
          pos++;
          const inner = or();
          expectOp(')', 'to close the parenthesis');
          return inner;
        }
        return fail(`expected a value, found ${describe(t)}`);
      default:
        return fail('the rule ends where a value is expected');
    }
  }

  if (peek().kind === 'end') fail('the rule is empty');
  const tree = or();
  if (peek().kind !== 'end') fail(`expected 'and', 'or' or the end of the rule, found ${describe(peek())}`);
  return tree;
}
