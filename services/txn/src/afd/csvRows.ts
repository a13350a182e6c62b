import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

export class AfdCsvError extends Error {
  override name = 'AfdCsvError';
}

/**
 * Streams a CSV file row by row (RFC 4180: quotes, commas and line breaks inside quotes), in
 * constant memory: the header first, then each data row with its line number (the header is line 1).
 * `onRow` returning false stops the read early. `afterChunk`, when given, runs after each chunk of
 * rows (a few hundred) with the read paused: asynchronous work on them (scoring) holds the file back.
 */
export function streamCsvRows(file: string, onRow: (cells: string[], line: number) => boolean | void, afterChunk?: () => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    let line = 0;
    let failed: unknown;
    let stopped = false;
    let inflight: Promise<void> = Promise.resolve();
    const stream = createReadStream(file, { encoding: 'utf8' });
    stream.on('error', (err) => reject(new AfdCsvError(`${file}: ${err.message}`)));
    const stop = (parser: Papa.Parser, err?: unknown) => {
      if (err !== undefined && failed === undefined) failed = err;
      stopped = true;
      parser.abort();
      stream.destroy();
    };
    Papa.parse<string[]>(stream as unknown as File, {
      skipEmptyLines: true,
      chunk: (result, parser) => {
        if (stopped) return;
        try {
          for (const cells of result.data) {
            line += 1;
            if (line === 1 && cells[0] !== undefined) cells[0] = cells[0].replace(/^\uFEFF/, '');
            if (onRow(cells, line) === false) return stop(parser);
          }
        } catch (err) {
          return stop(parser, err);
        }
        if (!afterChunk) return;
        parser.pause();
        inflight = afterChunk().then(() => parser.resume(), (err: unknown) => stop(parser, err));
      },
      // The last chunk's work may still be running when the parser completes.
      complete: () => void inflight.then(() => (failed === undefined ? resolve(line) : reject(failed))),
      error: (err: Error) => reject(new AfdCsvError(`${file}: ${err.message}`)),
    });
  });
}

/** The header and the first `n` data rows. */
export async function csvSample(file: string, n: number): Promise<{ header: string[]; rows: string[][] }> {
  let header: string[] = [];
  const rows: string[][] = [];
  await streamCsvRows(file, (cells, line) => {
    if (line === 1) header = cells.map((c) => c.trim());
    else rows.push(cells);
    return rows.length < n;
  });
  if (header.length === 0) throw new AfdCsvError(`${file}: empty file (no header row)`);
  return { header, rows };
}

/** A CSV field, quoted when it needs to be. */
export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
export const csvLine = (cells: readonly string[]): string => cells.map(csvField).join(',');
