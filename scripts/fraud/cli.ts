import { readFileSync } from 'node:fs';
import { parseWith } from '@sfc/shared';
import { csvSample } from '../../services/txn/src/afd/csvRows.js';
import { inferEventType } from '../../services/txn/src/eventType/infer.js';
import { columnOf, describeEventType, EventTypeSchema, type EventType } from '../../services/txn/src/eventType/schema.js';

/** Rows read to infer an event type and learn vocabularies. */
export const SAMPLE_ROWS = 20_000;

/** Prints `tool: message` and exits 1. */
export function fail(tool: string, message: string): never {
  console.error(`${tool}: ${message}`);
  process.exit(1);
}

/**
 * The event type of a run: the given JSON file (validated, errors naming the file and field), or one
 * inferred from the CSV's header and first rows; printed either way.
 */
export async function eventTypeFor(tool: string, file: string, eventTypeFile?: string): Promise<{ eventType: EventType; sample: { header: string[]; rows: string[][] } }> {
  let sample;
  try {
    sample = await csvSample(file, SAMPLE_ROWS);
  } catch (err) {
    fail(tool, (err as Error).message);
  }
  if (eventTypeFile) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(eventTypeFile, 'utf8'));
    } catch (err) {
      fail(tool, `--event-type ${eventTypeFile}: ${(err as Error).message}`);
    }
    const parsed = parseWith('event type', EventTypeSchema, json);
    if (!parsed.ok) fail(tool, `--event-type ${eventTypeFile}: ${parsed.error.message}`);
    console.log(describeEventType(parsed.value));
    return { eventType: parsed.value, sample };
  }
  try {
    const inferred = inferEventType(sample.header, sample.rows, 'event');
    console.log(`${describeEventType(inferred.eventType, inferred.notes)}\n(inferred from the first ${sample.rows.length.toLocaleString('en-US')} rows; give --event-type <json> to declare it instead)`);
    if (inferred.ignored.length) console.warn(`warning: column(s) empty in those rows, ignored: ${inferred.ignored.join(', ')}`);
    return { eventType: inferred.eventType, sample };
  } catch (err) {
    fail(tool, `${file}: ${(err as Error).message}`);
  }
}

/** Sample values of each variable, by the event type's columns (lower case, empty ones left out). */
export function sampleValues(et: EventType, sample: { header: string[]; rows: string[][] }): (variable: number) => string[] {
  const lower = sample.header.map((h) => h.toLowerCase());
  return (v) => {
    const column = columnOf(et.variables[v]!);
    const at = sample.header.indexOf(column) >= 0 ? sample.header.indexOf(column) : lower.indexOf(column.toLowerCase());
    return at < 0 ? [] : sample.rows.map((r) => (r[at] ?? '').trim().toLowerCase()).filter((x) => x !== '');
  };
}
