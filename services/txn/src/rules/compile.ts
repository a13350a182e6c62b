import type { Node, SetRef } from './ast.js';
import { RuleSyntaxError } from './errors.js';

export type ValueType = 'number' | 'string' | 'boolean';
export type Value = number | string | boolean;

/** A variable a rule may read: its type and how to read it from the context (missing values already replaced by the default). */
export interface VariableSlot<C> {
  type: 'number' | 'string';
  read: (ctx: C) => number | string;
}

/** A named list as rules see it: the entries are swapped in place when the list changes, so compiled rules never look it up again. */
export interface ListHandle {
  readonly name: string;
  entries: ReadonlySet<string>;
  /** Puts a value in the list's canonical form (lower-case e-mail, canonical IP) before the lookup. */
  normalise: (value: string) => string;
}

export interface CompileEnv<C> {
  variable(name: string): VariableSlot<C> | undefined;
  /** Every variable name, for the error that names an unknown one. */
  variableNames(): string[];
  list(name: string): ListHandle | undefined;
  listNames(): string[];
}

interface Compiled<C> { type: ValueType; fn: (ctx: C) => Value }

const FUNCTIONS = ['regex_match', 'lowercase', 'uppercase'];

/**
 * Compiles a parsed rule into a JavaScript closure (no eval): types are checked here, once, so the
 * closure never tests them per event. Comparisons and arithmetic take numbers; `==`/`!=` take two
 * values of one type; `in` compares text forms (`5` is in ["5", 7]); NaN (0/0) makes every comparison false.
 */
export function compileRule<C>(tree: Node, expression: string, env: CompileEnv<C>): (ctx: C) => boolean {
  const fail = (reason: string, at: number): never => { throw new RuleSyntaxError(reason, expression, at); };
  const text = (n: Node) => describe(n);

  function need(n: Node, type: ValueType, why: string): (ctx: C) => Value {
    const c = compile(n);
    if (c.type !== type) fail(`${why} needs ${article(type)}, ${text(n)} is ${article(c.type)}`, n.at);
    return c.fn;
  }

  function compile(n: Node): Compiled<C> {
    switch (n.kind) {
      case 'number': { const v = n.value; return { type: 'number', fn: () => v }; }
      case 'string': { const v = n.value; return { type: 'string', fn: () => v }; }
      case 'boolean': { const v = n.value; return { type: 'boolean', fn: () => v }; }
      case 'variable': {
        const slot = env.variable(n.name);
        if (!slot) return fail(`unknown variable $${n.name} (known: ${env.variableNames().map((v) => `$${v}`).join(', ')})`, n.at);
        return { type: slot.type, fn: slot.read };
      }
      case 'unary': {
        if (n.op === 'not') { const f = need(n.operand, 'boolean', "'not'"); return { type: 'boolean', fn: (c) => !f(c) }; }
        const f = need(n.operand, 'number', "'-'") as (c: C) => number;
        return { type: 'number', fn: (c) => -f(c) };
      }
      case 'binary': return binary(n);
      case 'in': return membership(n.value, n.set, n.negated);
      case 'call': return call(n);
    }
  }

  function binary(n: Extract<Node, { kind: 'binary' }>): Compiled<C> {
    const { op } = n;
    if (op === 'and' || op === 'or') {
      const l = need(n.left, 'boolean', `'${op}'`);
      const r = need(n.right, 'boolean', `'${op}'`);
      return { type: 'boolean', fn: op === 'and' ? (c) => (l(c) as boolean) && (r(c) as boolean) : (c) => (l(c) as boolean) || (r(c) as boolean) };
    }
    if (op === '==' || op === '!=') {
      const l = compile(n.left);
      const r = compile(n.right);
      if (l.type !== r.type) fail(`'${op}' compares values of one type: ${text(n.left)} is ${article(l.type)}, ${text(n.right)} is ${article(r.type)}`, n.at);
      const lf = l.fn; const rf = r.fn;
      return { type: 'boolean', fn: op === '==' ? (c) => lf(c) === rf(c) : (c) => lf(c) !== rf(c) };
    }
    const l = need(n.left, 'number', `'${op}'`) as (c: C) => number;
    const r = need(n.right, 'number', `'${op}'`) as (c: C) => number;
    switch (op) {
      case '<': return { type: 'boolean', fn: (c) => l(c) < r(c) };
      case '<=': return { type: 'boolean', fn: (c) => l(c) <= r(c) };
      case '>': return { type: 'boolean', fn: (c) => l(c) > r(c) };
      case '>=': return { type: 'boolean', fn: (c) => l(c) >= r(c) };
      case '+': return { type: 'number', fn: (c) => l(c) + r(c) };
      case '-': return { type: 'number', fn: (c) => l(c) - r(c) };
      case '*': return { type: 'number', fn: (c) => l(c) * r(c) };
      case '/': return { type: 'number', fn: (c) => l(c) / r(c) };
      default: return { type: 'number', fn: (c) => l(c) % r(c) };
    }
  }

  function membership(value: Node, set: SetRef, negated: boolean): Compiled<C> {
    const v = compile(value);
    if (v.type === 'boolean') fail(`'in' looks up a number or a string, ${text(value)} is a boolean`, value.at);
    const vf = v.fn;
    let test: (c: C) => boolean;
    if (set.kind === 'named') {
      const handle = env.list(set.name);
      if (!handle) return fail(`unknown list @${set.name} (lists: ${env.listNames().map((l) => `@${l}`).join(', ') || 'none'})`, set.at);
      test = (c) => handle.entries.has(handle.normalise(String(vf(c))));
    } else if (v.type === 'number' && set.values.every((x) => typeof x === 'number')) {
      const numbers = new Set(set.values as number[]);
      test = (c) => numbers.has(vf(c) as number);
    } else {
      const texts = new Set(set.values.map(String));
      test = (c) => texts.has(String(vf(c)));
    }
    return { type: 'boolean', fn: negated ? (c) => !test(c) : test };
  }

  function call(n: Extract<Node, { kind: 'call' }>): Compiled<C> {
    const arity = (k: number) => { if (n.args.length !== k) fail(`${n.name}() takes ${k} argument${k > 1 ? 's' : ''}, got ${n.args.length}`, n.at); };
    switch (n.name) {
      case 'lowercase':
      case 'uppercase': {
        arity(1);
        const f = need(n.args[0]!, 'string', `${n.name}()`) as (c: C) => string;
        const upper = n.name === 'uppercase';
        // Remembers its last answer: several rules often case-fold the same value of one event.
        let lastIn: string | undefined;
        let lastOut = '';
        return { type: 'string', fn: (c) => {
          const v = f(c);
          if (v !== lastIn) { lastIn = v; lastOut = upper ? v.toUpperCase() : v.toLowerCase(); }
          return lastOut;
        } };
      }
      case 'regex_match': {
        arity(2);
        const pattern = n.args[0]!;
        if (pattern.kind !== 'string') return fail('regex_match() takes its pattern as a string in double quotes', pattern.at);
        let re: RegExp;
        // AFD matches like Java's String.matches(): the whole value, so the pattern is anchored at both ends.
        try { re = new RegExp(`^(?:${pattern.value})$`); } catch (err) { return fail(`invalid regular expression: ${(err as Error).message.replace(/^Invalid regular expression: /, '')}`, pattern.at); }
        const s = compile(n.args[1]!);
        if (s.type === 'boolean') fail(`regex_match() matches a string or a number, ${text(n.args[1]!)} is a boolean`, n.args[1]!.at);
        const sf = s.fn;
        return { type: 'boolean', fn: (c) => re.test(String(sf(c))) };
      }
      default:
        return fail(`unknown function ${n.name}() (functions: ${FUNCTIONS.join(', ')})`, n.at);
    }
  }

  const top = compile(tree);
  if (top.type !== 'boolean') fail(`a rule must be true or false, this one is ${article(top.type)} (compare it with something)`, 0);
  return top.fn as (ctx: C) => boolean;
}

const article = (t: ValueType) => (t === 'number' ? 'a number' : t === 'string' ? 'a string' : 'a boolean');

function describe(n: Node): string {
  switch (n.kind) {
    case 'variable': return `$${n.name}`;
    case 'number': return String(n.value);
    case 'string': return JSON.stringify(n.value);
    case 'boolean': return String(n.value);
    case 'call': return `${n.name}(...)`;
    default: return 'the expression';
  }
}
