import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseWith, TransactionSchema, type Transaction } from '@sfc/shared';
import { AFD_CSV_COLUMNS, AFD_VARIABLES } from './variables.js';
import type { LabelledTransaction } from '../simulator/simulator.js';

export class AfdCsvError extends Error {
  override name = 'AfdCsvError';
}

/** Rows of AFD's training format (header included) for labelled simulator events. */
export function toAfdCsv(events: LabelledTransaction[]): string {
  const rows = events.map(({ transaction: t, label }) => {
    const vars = Object.entries(AFD_VARIABLES).map(([field]) => t[field as keyof typeof AFD_VARIABLES]);
    return [t.event_id, t.event_time, t.entity_id, 'customer', label ? 'fraud' : 'legit', t.event_time, ...vars];
  });
  return stringify([AFD_CSV_COLUMNS as unknown as string[], ...rows]);
}

export interface AfdEvent {
  transaction: Transaction;
  /** null when the file has no EVENT_LABEL column (scoring). */
  label: 0 | 1 | null;
}

export interface ReadResult {
  events: AfdEvent[];
  ignoredColumns: string[];
  /** Rows that failed validation: line number and reason. */
  rejected: { line: number; reason: string }[];
}

const FRAUD_LABELS = new Set(['fraud', '1', 'true', 'yes']);

/**
 * Reads an AFD-format CSV in any column order: unknown columns are reported, a missing required column
 * or (when `requireLabels`) a missing or empty EVENT_LABEL fails with the column's name.
 */
export function readAfdCsv(text: string, file: string, requireLabels: boolean): ReadResult {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const header = records.length > 0 ? Object.keys(records[0]!) : [];
  const required = ['EVENT_ID', 'EVENT_TIMESTAMP', 'ENTITY_ID', ...Object.values(AFD_VARIABLES), ...(requireLabels ? ['EVENT_LABEL'] : [])];
  const missing = required.filter((c) => !header.includes(c));
  if (records.length === 0) throw new AfdCsvError(`${file}: no events`);
  if (missing.length > 0) throw new AfdCsvError(`${file}: missing required column(s) ${missing.join(', ')}`);
  const known = new Set<string>(AFD_CSV_COLUMNS);
  const result: ReadResult = { events: [], ignoredColumns: header.filter((c) => !known.has(c)), rejected: [] };
  records.forEach((r, i) => {
    const line = i + 2;
    const label = r.EVENT_LABEL === undefined || r.EVENT_LABEL === '' ? null : FRAUD_LABELS.has(r.EVENT_LABEL.toLowerCase()) ? 1 : 0;
    if (requireLabels && label === null) {
      result.rejected.push({ line, reason: 'EVENT_LABEL is empty' });
      return;
    }
    const raw: Record<string, unknown> = { event_id: r.EVENT_ID, entity_id: r.ENTITY_ID, event_time: normaliseTime(r.EVENT_TIMESTAMP!) };
    for (const [field, variable] of Object.entries(AFD_VARIABLES)) raw[field] = r[variable];
    for (const f of ['transaction_amt', 'billing_latitude', 'billing_longitude', 'card_bin']) raw[f] = Number(raw[f]);
    raw.transaction_currency = String(raw.transaction_currency ?? '').toLowerCase();
    const parsed = parseWith('Transaction', TransactionSchema, raw);
    if (parsed.ok) result.events.push({ transaction: parsed.value, label });
    else result.rejected.push({ line, reason: parsed.error.message });
  });
  if (requireLabels && result.events.length > 0 && !result.events.some((e) => e.label === 1)) {
    throw new AfdCsvError(`${file}: EVENT_LABEL has no fraud events; a model cannot be trained without positives`);
  }
  return result;
}

/** AFD accepts ISO 8601 with or without zone; without one it means UTC. */
function normaliseTime(value: string): string {
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
