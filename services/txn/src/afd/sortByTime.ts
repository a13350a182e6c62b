import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AfdCsvError, csvLine, streamCsvRows } from './csvRows.js';
import { LineWriter } from './lineWriter.js';
import { parseTimestamp } from './timestamps.js';

interface Chunked {
  time: number;
  line: number;
  cells: string[];
}

/**
 * The column the sorted copy gains: each row's line in the original file (as `streamCsvRows` counts
 * them, the header being line 1). `readAfdEvents` reads it back as the row's line, so skip reports and
 * the `line-N` names of rows without EVENT_ID refer to the user's file, not to the sorted copy.
 */
export const SOURCE_LINE_COLUMN = '__SOURCE_LINE__';

/**
 * Sorts a CSV by EVENT_TIMESTAMP into `out` without holding it in memory: runs of `chunkRows` rows
 * are sorted and spilled to temporary files, then merged. Rows keep their order among equal times;
 * rows whose time does not parse come first (the reader then skips them, with their reason). The copy
 * has one more column, SOURCE_LINE_COLUMN, the row's line in `file`.
 */
export async function sortCsvByTime(file: string, out: string, chunkRows = 200_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'afd-sort-'));
  try {
    let header: string[] = [];
    let at = -1;
    let chunk: Chunked[] = [];
    const runs: string[] = [];
    const spill = () => {
      chunk.sort((a, b) => a.time - b.time || a.line - b.line);
      const run = join(dir, `run-${runs.length}.jsonl`);
      const w = new LineWriter(run);
      for (const r of chunk) w.write(JSON.stringify([r.time, r.line, r.cells]));
      w.close();
      runs.push(run);
      chunk = [];
    };
    await streamCsvRows(file, (cells, line) => {
      if (line === 1) {
        if (cells.includes(SOURCE_LINE_COLUMN)) throw new AfdCsvError(`${file}: has a column named ${SOURCE_LINE_COLUMN}, which the time sort adds itself; rename it`);
        header = [...cells, SOURCE_LINE_COLUMN];
        at = cells.findIndex((c) => c.trim().toUpperCase() === 'EVENT_TIMESTAMP');
        if (at < 0) throw new AfdCsvError(`${file}: missing required column(s) EVENT_TIMESTAMP`);
        return;
      }
      const time = parseTimestamp(cells[at] ?? '');
      chunk.push({ time: Number.isNaN(time) ? -Number.MAX_VALUE : time, line, cells: [...cells, String(line)] });
      if (chunk.length >= chunkRows) spill();
    });
    if (chunk.length > 0) spill();
    await mergeRuns(runs, header, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function mergeRuns(runs: string[], header: string[], out: string): Promise<void> {
  const readers = runs.map((run) => createInterface({ input: createReadStream(run, { encoding: 'utf8' }), crlfDelay: Infinity })[Symbol.asyncIterator]());
  const heads: (Chunked | undefined)[] = await Promise.all(readers.map(next));
  const w = new LineWriter(out);
  w.write(csvLine(header));
  for (;;) {
    let best = -1;
    for (let k = 0; k < heads.length; k++) {
      const h = heads[k];
      if (h && (best < 0 || h.time < heads[best]!.time || (h.time === heads[best]!.time && h.line < heads[best]!.line))) best = k;
    }
    if (best < 0) break;
    w.write(csvLine(heads[best]!.cells));
    heads[best] = await next(readers[best]!);
  }
  w.close();
}

async function next(reader: AsyncIterator<string>): Promise<Chunked | undefined> {
  const r = await reader.next();
  if (r.done) return undefined;
  const [time, line, cells] = JSON.parse(r.value) as [number, number, string[]];
  return { time, line, cells };
}
