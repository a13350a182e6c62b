import type { Column, JsonSchema } from '../schema/columns.js';
import type { LakeTable } from '../schema/lakeTables.js';
import { sqlString, type Dialect } from './Dialect.js';

/** Reason given to a line that is not JSON at all (the engines read it as a row of NULLs). */
export const MALFORMED = 'malformed JSON line (truncated or corrupt object)';

interface Check { when: string; reason: string }

const ref = (path: string[]): string => path.map((p) => `"${p}"`).join('.');

function ruleChecks(expr: string, name: string, rules: JsonSchema[], d: Dialect): Check[] {
  const checks: Check[] = [];
  const [rule] = rules;
  if (!rule) return checks;
  if (rules.length > 1) {
    // A value that may match one of several shapes (ipv4 | ipv6): only patterns differ between them.
    const patterns = rules.map((r) => r.pattern).filter((p): p is string => p !== undefined);
    if (patterns.length > 0) {
      checks.push({ when: `NOT (${patterns.map((p) => d.regexMatches(expr, p)).join(' OR ')})`, reason: `${name}: invalid format (${rules.map((r) => r.format).join(' or ')})` });
    }
    return checks;
  }
  const add = (when: string | false, reason: string) => { if (when) checks.push({ when, reason: `${name}: ${reason}` }); };
  add(rule.enum !== undefined && `${expr} NOT IN (${(rule.enum ?? []).map((v) => (typeof v === 'string' ? sqlString(v) : String(v))).join(', ')})`, 'not an allowed value');
  add(rule.minLength !== undefined && `${d.length(expr)} < ${rule.minLength}`, `shorter than ${rule.minLength}`);
  add(rule.maxLength !== undefined && `${d.length(expr)} > ${rule.maxLength}`, `longer than ${rule.maxLength}`);
  add(rule.minimum !== undefined && `${expr} < ${rule.minimum}`, `below ${rule.minimum}`);
  add(rule.maximum !== undefined && `${expr} > ${rule.maximum}`, `above ${rule.maximum}`);
  add(rule.exclusiveMinimum !== undefined && `${expr} <= ${rule.exclusiveMinimum}`, `not above ${rule.exclusiveMinimum}`);
  add(rule.exclusiveMaximum !== undefined && `${expr} >= ${rule.exclusiveMaximum}`, `not below ${rule.exclusiveMaximum}`);
  add(rule.type === 'integer' && `${expr} <> floor(${expr})`, 'not an integer');
  add(rule.pattern !== undefined && `NOT ${d.regexMatches(expr, rule.pattern ?? '')}`, `invalid format (${rule.format ?? 'pattern'})`);
  // A string with several patterns (event_time: ISO-8601, then its year): each must match. The first
  // is the format's own (zod moves it here and the schema re-declares the format); a further one is
  // named by its pattern when short (`^20\d\d-.*`).
  for (const [i, member] of (rule.allOf ?? []).entries()) {
    const p = member.pattern;
    if (p === undefined) continue;
    const what = i === 0 && rule.format ? rule.format : p.length <= 40 ? `pattern ${p}` : 'pattern';
    add(`NOT ${d.regexMatches(expr, p)}`, `invalid format (${what})`);
  }
  return checks;
}

function columnChecks(col: Column, path: string[], d: Dialect): Check[] {
  const expr = ref([...path, col.name]);
  const name = [...path, col.name].join('.');
  const checks: Check[] = col.nullable ? [] : [{ when: `${expr} IS NULL`, reason: `${name}: required` }];
  if (col.type.kind === 'struct') {
    // Struct fields are only checked when the struct itself is present.
    for (const f of col.type.fields) checks.push(...columnChecks(f, [...path, col.name], d).map((c) => ({ ...c, when: `${expr} IS NOT NULL AND (${c.when})` })));
    return checks;
  }
  return [...checks, ...ruleChecks(expr, name, col.rules, d)];
}

/**
 * A CASE expression naming the first constraint of the shared schema a row breaks, or NULL when the
 * row is valid. Derived from the zod schema (via JSON Schema), so the engines filter exactly what
 * the contract says; array elements are not checked here (they are validated by the writer).
 */
export function rejectReasonSql(table: LakeTable, d: Dialect): string {
  const required = table.columns.filter((c) => !c.nullable);
  const malformed = required.map((c) => `${ref([c.name])} IS NULL`).join(' AND ');
  const checks = table.columns.flatMap((c) => columnChecks(c, [], d));
  const whens = checks.map((c) => `    WHEN ${c.when} THEN ${sqlString(c.reason)}`).join('\n');
  return `CASE\n    WHEN ${malformed} THEN ${sqlString(MALFORMED)}\n${whens}\n    ELSE NULL END`;
}
