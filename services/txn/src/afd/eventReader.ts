import { columnOf, type EventType } from '../eventType/schema.js';
import { TYPE_TRAITS } from '../eventType/variableTypes.js';
import { AfdCsvError, streamCsvRows } from './csvRows.js';
import { SOURCE_LINE_COLUMN } from './sortByTime.js';
import { SkipSummary } from './skips.js';
import { parseTimestamp } from './timestamps.js';
import { AFD_METADATA } from './variables.js';

/** One valid row of an AFD-format CSV, as the feature code and the trainer use it. */
export interface AfdRow {
  /** The row's line in the user's file (header = line 1), kept through the time sort (SOURCE_LINE_COLUMN). */
  line: number;
  eventId: string;
  entityId: string;
  time: number;
  /** 1 fraud, 0 legitimate, null unlabelled. */
  label: 0 | 1 | null;
  /** When the label became known (LABEL_TIMESTAMP); NaN when not given. */
  labelTime: number;
  /** The event type's variables in its order (numeric ones as numbers); undefined when empty. */
  values: (string | number | undefined)[];
}

export interface ReadOptions {
  eventType: EventType;
  /** The EVENT_LABEL column must exist (training). */
  requireLabels: boolean;
  /**
   * With requireLabels: rows with an empty EVENT_LABEL are kept (label null) instead of skipped, for
   * an unlabelled-events treatment (training/unlabelled.ts). Without requireLabels they always are.
   */
  keepUnlabelled?: boolean;
  /** Called after each chunk of rows with the rows read so far (skipped ones included), for progress lines. */
  onProgress?: (rows: number) => void;
  onRow: (row: AfdRow) => void;
  /** Rows left out, with reasons (owned by the caller, so several passes can share one). */
  skips?: SkipSummary;
  /** Values kept but changed (an empty ENTITY_ID read as "unknown", a number that is not one read as missing). */
  notes?: SkipSummary;
  /** Runs after each chunk of rows with the read paused (see streamCsvRows). */
  afterChunk?: () => Promise<void>;
}

export interface ReadResult {
  /** Data rows in the file, skipped ones included. */
  rows: number;
  header: string[];
  /** Columns that are neither AFD metadata nor a variable of the event type. */
  ignoredColumns: string[];
  /** Optional variables without a column: always missing. */
  absentVariables: string[];
  hasLabelTimestamps: boolean;
}

type Meta = (typeof AFD_METADATA)[number];

/**
 * Streams an AFD-format CSV (any column order, AFD's timestamp formats) into rows of the event type.
 * A missing EVENT_TIMESTAMP column, EVENT_LABEL column (when training) or required variable column
 * fails at once, naming it; a bad row is left out and counted in `skips` by column and reason.
 */
export async function readAfdEvents(file: string, o: ReadOptions): Promise<ReadResult> {
  const skips = o.skips ?? new SkipSummary();
  const notes = o.notes ?? new SkipSummary();
  const fraud = new Set(o.eventType.labelMapper.FRAUD.map((l) => l.toLowerCase()));
  const legit = new Set(o.eventType.labelMapper.LEGIT.map((l) => l.toLowerCase()));
  let result: ReadResult | undefined;
  let meta: Record<Meta, number> = {} as Record<Meta, number>;
  let columns: number[] = [];
  const numeric = o.eventType.variables.map((v) => ['numeric', 'amount'].includes(TYPE_TRAITS[v.variableType].role));
  const required = o.eventType.variables.map((v) => v.required);
  let width = 0;
  // A sorted copy's own last column: the line of each row in the original file.
  let fromSort = false;
  let rowsSeen = 0;
  const lines = await streamCsvRows(file, (readCells, fileLine) => {
    rowsSeen = fileLine;
    if (fileLine === 1) {
      let header = readCells.map((c) => c.trim());
      fromSort = header[header.length - 1] === SOURCE_LINE_COLUMN;
      if (fromSort) header = header.slice(0, -1);
      width = header.length;
      ({ meta, columns, result } = resolveHeader(file, header, o));
      return;
    }
    let cells = readCells;
    let line = fileLine;
    if (fromSort) {
      // The sort appends it last, also to rows of the wrong width.
      line = Number(cells[cells.length - 1]);
      cells = cells.slice(0, -1);
    }
    if (cells.length !== width) {
      skips.add(line, '(row)', `has ${cells.length} fields, the header ${width}`);
      return;
    }
    const cell = (i: number) => (i < 0 ? '' : cells[i]!.trim());
    const timestamp = cell(meta.EVENT_TIMESTAMP);
    const time = parseTimestamp(timestamp);
    if (Number.isNaN(time)) {
      skips.add(line, 'EVENT_TIMESTAMP', timestamp === '' ? 'empty' : 'not a timestamp in a format AFD accepts', timestamp);
      return;
    }
    let label: 0 | 1 | null = null;
    const rawLabel = cell(meta.EVENT_LABEL);
    if (rawLabel !== '') {
      const l = rawLabel.toLowerCase();
      if (fraud.has(l)) label = 1;
      else if (legit.size === 0 || legit.has(l)) label = 0;
      else {
        skips.add(line, 'EVENT_LABEL', `neither a fraud label (${[...fraud].join(', ')}) nor a legitimate one (${[...legit].join(', ')})`, rawLabel);
        return;
      }
    } else if (o.requireLabels && !o.keepUnlabelled) {
      skips.add(line, 'EVENT_LABEL', 'empty');
      return;
    }
    const values = new Array<string | number | undefined>(columns.length);
    for (let v = 0; v < columns.length; v++) {
      const value = cell(columns[v]!);
      if (value === '') {
        if (required[v]) {
          skips.add(line, columnOf(o.eventType.variables[v]!), 'empty, and the event type requires it');
          return;
        }
        values[v] = undefined;
      } else if (numeric[v]) {
        // Parsed once here: the feature code takes numbers as they are.
        const x = Number(value);
        if (!Number.isFinite(x)) notes.add(line, columnOf(o.eventType.variables[v]!), 'not a number: read as missing', value);
        values[v] = Number.isFinite(x) ? x : undefined;
      } else values[v] = value;
    }
    const rawLabelTime = cell(meta.LABEL_TIMESTAMP);
    const labelTime = rawLabelTime === '' ? Number.NaN : parseTimestamp(rawLabelTime);
    if (rawLabelTime !== '' && Number.isNaN(labelTime)) notes.add(line, 'LABEL_TIMESTAMP', 'not a timestamp: the label delay applies instead', rawLabelTime);
    let entityId = cell(meta.ENTITY_ID);
    if (entityId === '') {
      entityId = 'unknown';
      if (meta.ENTITY_ID >= 0) notes.add(line, 'ENTITY_ID', 'empty: read as "unknown", as AFD does');
    }
    const eventId = cell(meta.EVENT_ID) || `line-${line}`;
    o.onRow({ line, eventId, entityId, time, label, labelTime, values });
  }, o.onProgress ? async () => {
    o.onProgress!(Math.max(0, rowsSeen - 1));
    await o.afterChunk?.();
  } : o.afterChunk);
  if (!result) throw new AfdCsvError(`${file}: empty file (no header row)`);
  return { ...result, rows: lines - 1 };
}

function resolveHeader(file: string, header: string[], o: ReadOptions): { meta: Record<Meta, number>; columns: number[]; result: ReadResult } {
  const upper = header.map((h) => h.toUpperCase());
  const meta = Object.fromEntries(AFD_METADATA.map((m) => [m, upper.indexOf(m)])) as Record<Meta, number>;
  const find = (name: string) => {
    const exact = header.indexOf(name);
    return exact >= 0 ? exact : header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  };
  const columns = o.eventType.variables.map((v) => find(columnOf(v)));
  const missing: string[] = [];
  if (meta.EVENT_TIMESTAMP < 0) missing.push('EVENT_TIMESTAMP');
  if (o.requireLabels && meta.EVENT_LABEL < 0) missing.push('EVENT_LABEL');
  o.eventType.variables.forEach((v, i) => v.required && columns[i]! < 0 && missing.push(columnOf(v) === v.name ? v.name : `${columnOf(v)} (variable ${v.name})`));
  if (missing.length > 0) throw new AfdCsvError(`${file}: missing required column(s) ${missing.join(', ')}; its columns are: ${header.join(', ')}`);
  const used = new Set([...Object.values(meta), ...columns].filter((i) => i >= 0));
  return {
    meta,
    columns,
    result: {
      rows: 0,
      header,
      ignoredColumns: header.filter((_, i) => !used.has(i)),
      absentVariables: o.eventType.variables.filter((_, i) => columns[i]! < 0).map((v) => v.name),
      hasLabelTimestamps: meta.LABEL_TIMESTAMP >= 0,
    },
  };
}
