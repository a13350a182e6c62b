import { MERCHANT_NAME } from '../eventType/infer.js';
import type { EventType } from '../eventType/schema.js';
import { TYPE_TRAITS } from '../eventType/variableTypes.js';
import type { KeySpec } from '../features/spec.js';

/** Categorical variables with more distinct values than this in the sample get no code, only aggregates. */
const MAX_VOCABULARY = 200;
const MIN_COUNT = 2;

/** Values of one variable in sample rows (lower case), by the event type's column mapping. */
type Sample = (variable: number) => string[];

/**
 * Vocabularies of the categorical variables and e-mail domains: values seen at least twice in the
 * sample, most frequent first (a code is the 1-based rank). High-cardinality ones get none.
 */
export function vocabulariesFrom(et: EventType, sample: Sample): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  et.variables.forEach((v, i) => {
    const role = TYPE_TRAITS[v.variableType].role;
    if (role !== 'code' && role !== 'email') return;
    const values = sample(i).map((x) => (role === 'email' ? x.slice(x.lastIndexOf('@') + 1) : x));
    const counts = new Map<string, number>();
    for (const x of values) counts.set(x, (counts.get(x) ?? 0) + 1);
    if (role === 'code' && counts.size > MAX_VOCABULARY) return;
    const vocab = [...counts].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 100).map(([x]) => x);
    out[role === 'email' ? `${v.name}.domain` : v.name] = vocab;
  });
  return out;
}

/**
 * Default aggregation keys: merchant-like variables and other high-cardinality categoricals (with
 * label feedback: where compromised merchants show), IP addresses and device fingerprints.
 */
export function defaultKeys(et: EventType, sample: Sample): KeySpec[] {
  const keys: KeySpec[] = [];
  et.variables.forEach((v, i) => {
    if (v.variableType === 'IP_ADDRESS' || v.variableType === 'FINGERPRINT') keys.push({ variable: v.name, derive: 'value', labels: false });
    if (v.variableType !== 'CATEGORICAL') return;
    const values = sample(i);
    const distinct = new Set(values).size;
    if (MERCHANT_NAME.test(v.name.toLowerCase()) || (distinct > 50 && distinct < 0.5 * values.length)) keys.push({ variable: v.name, derive: 'value', labels: true });
  });
  return keys;
}
