import type { ComplianceFinding, LakeLabel, LakeTransaction, ObjectStore } from '@sfc/shared';
import { assertValidFinding, assertValidLabel, assertValidTransaction, makeFinding, makeLabels, makeTransaction, rng } from './lakeGenerator.js';

export interface LakeSpec {
  transactions: number;
  findings: number;
  /** Event times are spread evenly over [start, start + spanMinutes). */
  start: Date;
  spanMinutes: number;
  rowsPerObject?: number;
  seed?: number;
  /** Validate every record with the shared schema (slow for millions; the bench validates a sample). */
  validateEvery?: number;
  /** Keep the written records in memory (for tests that recompute the KPIs independently). */
  collect?: boolean;
  /** Write the transactions' labels (`makeLabels`) under labels/dt=<label day>/ (default true). */
  labels?: boolean;
  /** Leave out labels dated at or after this (a test whose engines read labels up to slightly different "now"s). */
  labelsBefore?: Date;
}

export interface WrittenLake {
  keys: string[];
  transactions: LakeTransaction[];
  findings: ComplianceFinding[];
  labels: LakeLabel[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const partition = (t: Date) => `dt=${t.toISOString().slice(0, 10)}/hour=${pad(t.getUTCHours())}`;

/** Writes valid transactions and findings into the lake bucket using the act/cs key layout. */
export async function writeLake(store: ObjectStore, bucket: string, spec: LakeSpec): Promise<WrittenLake> {
  const r = rng(spec.seed ?? 7);
  const every = spec.validateEvery ?? 1;
  const perObject = spec.rowsPerObject ?? 5000;
  const stepMs = (spec.spanMinutes * 60_000) / Math.max(1, spec.transactions);
  const groups = new Map<string, string[]>();
  let firstOffset = new Map<string, number>();
  const keys: string[] = [];
  const out: WrittenLake = { keys, transactions: [], findings: [], labels: [] };
  const labelDays = new Map<string, string[]>();
  const flush = async (part: string) => {
    const lines = groups.get(part);
    if (!lines || lines.length === 0) return;
    const key = `processed/${part}/transactions-0-${firstOffset.get(part)}.jsonl`;
    await store.put(bucket, key, `${lines.join('\n')}\n`);
    keys.push(key);
    groups.set(part, []);
  };
  for (let i = 0; i < spec.transactions; i++) {
    const t = makeTransaction(r, i, new Date(spec.start.getTime() + i * stepMs));
    if (i % every === 0) assertValidTransaction(t);
    if (spec.collect) out.transactions.push(t);
    for (const l of spec.labels === false ? [] : makeLabels(t, i)) {
      if (spec.labelsBefore && Date.parse(l.label_time) >= spec.labelsBefore.getTime()) continue;
      if (i % every === 0) assertValidLabel(l);
      if (spec.collect) out.labels.push(l);
      const day = l.label_time.slice(0, 10);
      const lines = labelDays.get(day) ?? [];
      lines.push(JSON.stringify(l));
      labelDays.set(day, lines);
    }
    const part = partition(new Date(t.event_time));
    const lines = groups.get(part) ?? [];
    if (lines.length === 0) firstOffset.set(part, i);
    lines.push(JSON.stringify(t));
    groups.set(part, lines);
    if (lines.length >= perObject) await flush(part);
  }
  for (const part of [...groups.keys()]) await flush(part);
  // As the label function keys them: the label's day; the seed keeps two writers' keys apart.
  for (const [day, lines] of labelDays) {
    const key = `labels/dt=${day}/labels-${spec.seed ?? 7}-${spec.start.getTime()}.jsonl`;
    await store.put(bucket, key, `${lines.join('\n')}\n`);
    keys.push(key);
  }
  firstOffset = new Map();
  const findingStep = (spec.spanMinutes * 60_000) / Math.max(1, spec.findings);
  for (let i = 0; i < spec.findings; i++) {
    const time = new Date(spec.start.getTime() + i * findingStep);
    const f = assertValidFinding(makeFinding(r, i, time));
    if (spec.collect) out.findings.push(f);
    const key = `compliance/dt=${time.toISOString().slice(0, 10)}/${f.sha256}.json`;
    await store.put(bucket, key, `${JSON.stringify(f)}\n`);
    keys.push(key);
  }
  return out;
}
