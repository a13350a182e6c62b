import { SfcError, type PiiKind } from '@sfc/shared';
import { sqlString, type Dialect } from '../../../rpt/src/sql/Dialect.js';
import type { Node, SetRef } from '../rules/ast.js';
import type { VariableType } from '../eventType/variableTypes.js';
import { ruleSqlFunctions } from './sqlFunctions.js';

/** A rule the backtest cannot turn into SQL: names the rule and the construct, and why. */
export class BacktestCompileError extends SfcError {
  constructor(readonly ruleId: string, construct: string, reason: string) {
    super(`rule ${ruleId}: cannot backtest ${construct}: ${reason}`, { context: { ruleId } });
    this.name = 'BacktestCompileError';
  }
}

/** A rule variable as a lake column. */
export interface SqlVariable {
  type: 'number' | 'string';
  /** Its SQL with the missing-value default applied; undefined when the lake holds only its token. */
  sql?: string;
  /** Personal fields: the token column and the pseudonymiser's kind (equality and lists compare tokens). */
  token?: { column: string; kind: PiiKind };
}

/** A named list as the backtest sees it: its type and current (normalised) entries. */
export interface SqlList { name: string; variableType: VariableType; elements: string[] }

/** A one-column relation (`v`) the rule SQL reads with `IN (SELECT v FROM name)`. */
export interface ListRelation { name: string; type: 'VARCHAR' | 'DOUBLE'; values: (string | number)[] }

export interface RuleSqlEnv {
  dialect: Dialect;
  variable(name: string): SqlVariable | undefined;
  list(name: string): SqlList | undefined;
  /** Every token a value of `kind` has under the keys the lake was written with (one per key version). */
  tokensOf(kind: PiiKind, value: string): string[];
  /** The list's lookup form of a value, as the evaluator's normaliser gives it (lists/normalise.ts). */
  normalise(type: VariableType, value: string): string;
  /** Lists as relations, shared by every rule of one backtest (filled while compiling). */
  relations: Map<string, ListRelation>;
  /** Why raw personal values are not there (shown when a rule needs them). */
  rawHint: string;
}

type Typed = { type: 'number' | 'string' | 'boolean'; sql?: string; variable?: SqlVariable; name?: string };

/** `String(Number(s)) === s`: the text is how JavaScript writes some number (so a number's String() can equal it). */
const numberOf = (s: string): number | undefined => { const n = Number(s); return s.trim() !== '' && String(n) === s ? n : undefined; };

/**
 * A number as SQL both engines read: ±Infinity as the text DuckDB and Trino cast (`Infinity` alone
 * would be read as a column name). NaN has no SQL form the backtest can match (its arithmetic turns
 * NaN into NULL), so the callers refuse it first.
 */
export const numberSql = (n: number): string => (Number.isFinite(n) ? `CAST(${String(n)} AS DOUBLE)` : `CAST('${n > 0 ? 'Infinity' : '-Infinity'}' AS DOUBLE)`);
const relationName = (list: string, what: string) => `bt_list_${list}_${what}`.replace(/[^0-9a-z_]/g, '_');

/**
 * A parsed rule (already type-checked by the evaluator's compiler) as one SQL boolean that is never
 * NULL, with the evaluator's semantics: a missing variable takes its default; NaN makes ==, <, ... false
 * and != true; `in` compares numbers with numbers and text forms otherwise; `in @list` normalises the
 * value by the list's type. Personal fields (e-mail, IP, phone, name, street) are tokens in the lake:
 * `==`, `!=` and `in` on such a variable compare tokens of the literal or list entries (computed with
 * the lake's keys); anything else on them needs LAKE_PII=raw columns, else it is refused, naming the rule.
 */
export function ruleToSql(ruleId: string, tree: Node, env: RuleSqlEnv): string {
  const d = env.dialect;
  const fns = ruleSqlFunctions(d);
  const refuse = (construct: string, reason: string): never => { throw new BacktestCompileError(ruleId, construct, reason); };

  /** The SQL of a typed value; a personal variable without raw columns is refused here. */
  const sqlOf = (t: Typed, usage: string): string => {
    if (t.sql !== undefined) return t.sql;
    return refuse(`${usage} of $${t.name}`, `the lake holds $${t.name} only as a token, so only ==, != and in (a literal list or @list) can be backtested on it; ${env.rawHint}`);
  };

  const tokenIn = (t: Typed, values: string[]): string => {
    const tokens = [...new Set(values.flatMap((v) => env.tokensOf(t.variable!.token!.kind, v)))];
    return tokens.length === 0 ? 'FALSE' : `COALESCE(${t.variable!.token!.column} IN (${tokens.map(sqlString).join(', ')}), FALSE)`;
  };

  function compile(n: Node): Typed {
    switch (n.kind) {
      case 'number':
        if (!Number.isFinite(n.value)) return refuse(`the number ${n.value}`, 'not a finite number');
        return { type: 'number', sql: numberSql(n.value) };
      case 'string': return { type: 'string', sql: sqlString(n.value) };
      case 'boolean': return { type: 'boolean', sql: n.value ? 'TRUE' : 'FALSE' };
      case 'variable': {
        const v = env.variable(n.name);
        if (!v) return refuse(`$${n.name}`, 'no lake column holds this variable');
        return { type: v.type, sql: v.sql, variable: v, name: n.name };
      }
      case 'unary': {
        const o = compile(n.operand);
        if (n.op === 'not') return { type: 'boolean', sql: `(NOT ${sqlOf(o, "'not'")})` };
        return { type: 'number', sql: `(-${sqlOf(o, "'-'")})` };
      }
      case 'binary': return binary(n);
      case 'in': return membership(n.value, n.set, n.negated);
      case 'call': return call(n);
    }
  }

  function binary(n: Extract<Node, { kind: 'binary' }>): Typed {
    const { op } = n;
    const l = compile(n.left);
    const r = compile(n.right);
    if (op === 'and' || op === 'or') return { type: 'boolean', sql: `(${sqlOf(l, `'${op}'`)} ${op.toUpperCase()} ${sqlOf(r, `'${op}'`)})` };
    if (op === '==' || op === '!=') {
      let eq: string;
      // A token against a literal: the literal's tokens (the pseudonymiser normalises both sides alike).
      if (l.variable?.token && n.right.kind === 'string') eq = tokenIn(l, [n.right.value]);
      else if (r.variable?.token && n.left.kind === 'string') eq = tokenIn(r, [n.left.value]);
      else eq = `COALESCE(${sqlOf(l, `'${op}'`)} = ${sqlOf(r, `'${op}'`)}, FALSE)`;
      return { type: 'boolean', sql: op === '==' ? eq : `(NOT ${eq})` };
    }
    const ls = sqlOf(l, `'${op}'`);
    const rs = sqlOf(r, `'${op}'`);
    if (op === '<' || op === '<=' || op === '>' || op === '>=') return { type: 'boolean', sql: `COALESCE(${ls} ${op} ${rs}, FALSE)` };
    return { type: 'number', sql: fns.nanToNull(`(${ls} ${op} ${rs})`) };
  }

  function relation(list: SqlList, what: string, type: ListRelation['type'], values: (string | number)[]): string {
    const name = relationName(list.name, what);
    if (!env.relations.has(name)) env.relations.set(name, { name, type, values });
    return `(SELECT v FROM ${name})`;
  }

  function membership(value: Node, set: SetRef, negated: boolean): Typed {
    const v = compile(value);
    let test: string;
    if (set.kind === 'named') {
      const list = env.list(set.name);
      if (!list) return refuse(`@${set.name}`, 'no such list');
      if (v.type === 'number') {
        // The evaluator looks up normalise(String(x)): an entry can only equal the text of a number if it is one.
        const numbers = list.elements.filter((e) => env.normalise(list.variableType, e) === e).map(numberOf).filter((x): x is number => x !== undefined);
        if (numbers.some(Number.isNaN)) return refuse(`@${set.name} holding "NaN" on a number`, 'a NaN value (0/0) is NULL in the SQL backtest, so the entry could never match as it does live');
        test = `COALESCE(${sqlOf(v, "'in'")} IN ${relation(list, 'num', 'DOUBLE', [...new Set(numbers)])}, FALSE)`;
      } else if (v.variable?.token) {
        const kind = v.variable.token.kind;
        const tokens = [...new Set(list.elements.flatMap((e) => env.tokensOf(kind, e)))];
        test = `COALESCE(${v.variable.token.column} IN ${relation(list, `tok_${kind}`, 'VARCHAR', tokens)}, FALSE)`;
      } else {
        test = `COALESCE(${listLookup(list.variableType, sqlOf(v, "'in'"), set.name)} IN ${relation(list, 'str', 'VARCHAR', list.elements)}, FALSE)`;
      }
    } else if (v.type === 'number') {
      const numbers = set.values.every((x) => typeof x === 'number') ? set.values as number[] : set.values.map((x) => numberOf(String(x))).filter((x): x is number => x !== undefined);
      if (numbers.some(Number.isNaN)) return refuse('"NaN" in a list on a number', 'a NaN value (0/0) is NULL in the SQL backtest, so the entry could never match as it does live');
      test = numbers.length === 0 ? 'FALSE' : `COALESCE(${sqlOf(v, "'in'")} IN (${numbers.map(numberSql).join(', ')}), FALSE)`;
    } else if (v.variable?.token) {
      test = tokenIn(v, set.values.map(String));
    } else {
      test = `COALESCE(${sqlOf(v, "'in'")} IN (${set.values.map((x) => sqlString(String(x))).join(', ')}), FALSE)`;
    }
    return { type: 'boolean', sql: negated ? `(NOT ${test})` : test };
  }

  /** The list type's lookup form in SQL (lists/normalise.ts), for values that are not tokens. */
  function listLookup(type: VariableType, s: string, list: string): string {
    const t = `trim(${s})`;
    switch (type) {
      case 'EMAIL_ADDRESS': return `CASE WHEN strpos(${t}, '@') > 0 THEN lower(${t}) ELSE ${t} END`;
      case 'PHONE_NUMBER': case 'BILLING_PHONE': case 'SHIPPING_PHONE': {
        const stripped = fns.removeAll(s, '[\\s().-]');
        return `CASE WHEN ${d.regexMatches(stripped, '^\\+?[0-9]{4,20}$')} THEN ${stripped} ELSE ${t} END`;
      }
      case 'IP_ADDRESS': return refuse(`@${list} (an IP_ADDRESS list) on a value other than $ip_address`, 'canonical IP text is not computed in SQL');
      default: return t;
    }
  }

  function call(n: Extract<Node, { kind: 'call' }>): Typed {
    switch (n.name) {
      case 'lowercase': return { type: 'string', sql: `lower(${sqlOf(compile(n.args[0]!), 'lowercase()')})` };
      case 'uppercase': return { type: 'string', sql: `upper(${sqlOf(compile(n.args[0]!), 'uppercase()')})` };
      case 'regex_match': {
        const p = n.args[0]!;
        if (p.kind !== 'string') return refuse('regex_match()', 'the pattern must be a string literal');
        // DuckDB's RE2 and Athena's Java regex share JavaScript's syntax except lookaround and back-references.
        if (/\(\?<?[=!]|\\[1-9]|\\k</.test(p.value)) return refuse(`regex_match("${p.value}", ...)`, 'lookaround and back-references are not supported by DuckDB (RE2)');
        const s = compile(n.args[1]!);
        const text = s.type === 'number' ? fns.numberText(sqlOf(s, 'regex_match()')) : sqlOf(s, 'regex_match()');
        return { type: 'boolean', sql: `COALESCE(${d.regexMatches(text, `^(?:${p.value})$`)}, FALSE)` };
      }
      default: return refuse(`${n.name}()`, 'unknown function');
    }
  }

  const top = compile(tree);
  if (top.type !== 'boolean') return refuse('the rule', 'it is not a condition');
  return sqlOf(top, 'the rule');
}
