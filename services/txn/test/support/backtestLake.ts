import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LakeLabelSchema, LakeTransactionSchema, toLakeTransaction, type LakeLabel, type Outcome, type PiiPolicy, type ScoredTransaction, type Transaction } from '@sfc/shared';

const pad = (n: number) => String(n).padStart(2, '0');

/** A scored transaction as score emits it: the given score and live decision, plausible timings. */
export function scored(tx: Transaction, score: number, outcome: Outcome, detectorVersion?: string): ScoredTransaction {
  return {
    ...tx,
    fd: { outcome, score, model_version: 'lgbm-test', reasons: [], ttdf_ms: 5, proc_time_ms: 1, model_time_ms: 0.5, rules: [], outcomes: [], ...(detectorVersion ? { detector_version: detectorVersion } : {}) },
  };
}

/**
 * Writes scored transactions into `<lakeDir>/processed/dt=/hour=/` as act does (pseudonymised by
 * `pii`, one JSON Lines object per hour, every row valid per LakeTransactionSchema), and labels into
 * `<lakeDir>/labels/dt=<label day>/`. `extraLines` go into the first object as they are (bad rows).
 */
export function writeBacktestLake(lakeDir: string, rows: ScoredTransaction[], labels: LakeLabel[], pii: PiiPolicy, extraLines: string[] = []): void {
  const objects = new Map<string, string[]>();
  for (const tx of rows) {
    const t = new Date(tx.event_time);
    const key = join('processed', `dt=${t.toISOString().slice(0, 10)}`, `hour=${pad(t.getUTCHours())}`);
    const row = LakeTransactionSchema.parse(toLakeTransaction(tx, pii));
    if (!objects.has(key)) objects.set(key, [...(objects.size === 0 ? extraLines : [])]);
    objects.get(key)!.push(JSON.stringify(row));
  }
  for (const [key, lines] of objects) {
    mkdirSync(join(lakeDir, key), { recursive: true });
    writeFileSync(join(lakeDir, key, 'transactions-0-0.jsonl'), `${lines.join('\n')}\n`);
  }
  const byDay = new Map<string, string[]>();
  for (const l of labels) {
    const day = `dt=${new Date(l.label_time).toISOString().slice(0, 10)}`;
    byDay.set(day, [...(byDay.get(day) ?? []), JSON.stringify(LakeLabelSchema.parse(l))]);
  }
  for (const [day, lines] of byDay) {
    mkdirSync(join(lakeDir, 'labels', day), { recursive: true });
    writeFileSync(join(lakeDir, 'labels', day, 'labels-0.jsonl'), `${lines.join('\n')}\n`);
  }
}
