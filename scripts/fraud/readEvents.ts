import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAfdCsv, type AfdEvent } from '../../services/txn/src/afd/csv.js';

/**
 * Reads an AFD-format CSV for a command line tool, sorted by event time: warns about ignored columns and
 * skipped rows, and exits 1 with the reason when the file cannot be used.
 */
export function readEventsOrExit(tool: string, path: string, requireLabels: boolean): AfdEvent[] {
  const file = resolve(path);
  try {
    const read = readAfdCsv(readFileSync(file, 'utf8'), file, requireLabels);
    if (read.ignoredColumns.length) console.warn(`warning: ignoring unknown column(s): ${read.ignoredColumns.join(', ')}`);
    if (read.rejected.length) console.warn(`warning: skipped ${read.rejected.length} invalid row(s); first: line ${read.rejected[0]!.line}: ${read.rejected[0]!.reason}`);
    return read.events.sort((a, b) => Date.parse(a.transaction.event_time) - Date.parse(b.transaction.event_time));
  } catch (err) {
    console.error(`${tool}: ${(err as Error).message}`);
    process.exit(1);
  }
}
