import Papa from 'papaparse';
import { z } from 'zod';
import { FRAUD_LABEL_VALUES, type CaseDecision } from '@sfc/shared';

/** Amazon Fraud Detector's label columns (its event data's label part), in this order on export. */
export const LABEL_COLUMNS = ['EVENT_ID', 'EVENT_LABEL', 'LABEL_TIMESTAMP'] as const;
/** Optional on import: the entity, needed only for a label whose event has no case. */
export const ENTITY_COLUMN = 'ENTITY_ID';

export interface LabelRow {
  line: number;
  eventId: string;
  label: CaseDecision['label'];
  labelTime: string;
  entityId?: string;
}

export interface BadRow {
  line: number;
  reason: string;
}

const iso = z.iso.datetime({ offset: true });

/**
 * Parses a label CSV (RFC 4180, header row, columns in any order and any case, extra columns
 * ignored). A row that is not a label is reported with its line number and why; the rest go on.
 * A file without the required columns is one bad row (line 1): nothing is read from it.
 */
export function parseLabelCsv(text: string): { rows: LabelRow[]; bad: BadRow[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...data] = parsed.data;
  if (!header) return { rows: [], bad: [{ line: 1, reason: 'empty file: a header row EVENT_ID,EVENT_LABEL,LABEL_TIMESTAMP is needed' }] };
  const col = new Map(header.map((h, i) => [h.trim().toUpperCase(), i]));
  const missing = LABEL_COLUMNS.filter((c) => !col.has(c));
  if (missing.length > 0) return { rows: [], bad: [{ line: 1, reason: `header lacks ${missing.join(', ')} (has ${header.join(', ')})` }] };
  // Papa's row index counts data rows; line numbers count the file's lines (header = 1), quoted line breaks included.
  const lineOf = lineCounter(text, parsed.data.length);
  const rows: LabelRow[] = [];
  const bad: BadRow[] = [];
  const errors = new Map(parsed.errors.filter((e) => e.row !== undefined).map((e) => [e.row!, e.message]));
  data.forEach((cells, i) => {
    const line = lineOf[i + 1] ?? i + 2;
    const cell = (c: string) => (cells[col.get(c)!] ?? '').trim();
    const err = errors.get(i + 1);
    if (err) return bad.push({ line, reason: `not CSV: ${err}` });
    const eventId = cell('EVENT_ID');
    const label = cell('EVENT_LABEL').toLowerCase();
    const labelTime = cell('LABEL_TIMESTAMP');
    const entityId = col.has(ENTITY_COLUMN) ? cell(ENTITY_COLUMN) : '';
    if (eventId === '' || eventId.length > 64) return bad.push({ line, reason: `EVENT_ID ${JSON.stringify(eventId.slice(0, 70))}: 1-64 characters` });
    if (!(FRAUD_LABEL_VALUES as readonly string[]).includes(label)) return bad.push({ line, reason: `EVENT_LABEL ${JSON.stringify(cell('EVENT_LABEL').slice(0, 40))}: one of ${FRAUD_LABEL_VALUES.join(', ')} (any case)` });
    if (!iso.safeParse(labelTime).success) return bad.push({ line, reason: `LABEL_TIMESTAMP ${JSON.stringify(labelTime.slice(0, 40))}: an ISO 8601 date-time with zone, e.g. 2026-11-30T09:12:00Z` });
    if (entityId.length > 64) return bad.push({ line, reason: 'ENTITY_ID: at most 64 characters' });
    rows.push({ line, eventId, label: label as LabelRow['label'], labelTime, ...(entityId ? { entityId } : {}) });
  });
  return { rows, bad };
}

/** The file line on which each parsed row starts (index 0: the header), counting line breaks inside quotes. */
function lineCounter(text: string, rows: number): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length && starts.length < rows; i++) {
    const ch = text[i]!;
    if (atStart && ch !== '\n' && ch !== '\r') { starts.push(line); atStart = false; }
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') { line += 1; if (!quoted) atStart = true; }
  }
  return starts;
}

/** Decisions as AFD's label CSV, sorted by event id (stable output for diffing). */
export function labelCsv(decisions: Pick<CaseDecision, 'case_id' | 'label' | 'label_time'>[]): string {
  const rows = [...decisions].sort((a, b) => a.case_id.localeCompare(b.case_id)).map((d) => [d.case_id, d.label, d.label_time]);
  return `${Papa.unparse({ fields: [...LABEL_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}
