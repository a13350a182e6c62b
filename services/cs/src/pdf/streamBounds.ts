import { inflateSync } from 'node:zlib';
import { ReadIssueError } from '../reader/ReadIssueError.js';

export interface StreamBounds {
  /** Largest decoded size of one stream. */
  maxStreamBytes: number;
  /** Largest decoded size of all streams of the document together. */
  maxDecodedBytes: number;
}

export interface StreamCensus {
  streams: number;
  flateStreams: number;
  decodedBytes: number;
}

// `stream` keyword at the end of an object's dictionary (\b keeps `endstream` out): the EOL after it starts the data.
const STREAM = /\bstream(?:\r\n|\n|\r)/g;
const FLATE = /\/(?:FlateDecode|Fl)\b/;
const MAX_DICT_LOOKBACK = 4096;

/**
 * Checks, before any parser runs, that no Flate-compressed stream decodes to more than the bounds
 * (a "compression bomb": a few hundred KB that inflate to gigabytes). Streams are found in the raw
 * bytes (the dictionary before each `stream` keyword, the data up to `endstream`), so object streams
 * that a parser would decode first are covered too. Each stream is inflated with zlib's output cap,
 * so checking never holds more than one capped buffer. Chained Flate filters are followed.
 * Encrypted streams do not inflate and are skipped (the reader's memory cap still bounds them).
 */
export function checkStreamBounds(bytes: Uint8Array, bounds: StreamBounds): StreamCensus {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const census: StreamCensus = { streams: 0, flateStreams: 0, decodedBytes: 0 };
  for (const m of text.matchAll(STREAM)) {
    const start = m.index + m[0].length;
    census.streams += 1;
    const dict = dictBefore(text, m.index);
    const end = text.indexOf('endstream', start);
    if (end < 0 || !FLATE.test(dict)) continue;
    census.flateStreams += 1;
    const filters = (dict.match(/\/(?:FlateDecode|Fl)\b/g) ?? []).length;
    let data: Buffer = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
    for (let i = 0; i < filters; i += 1) {
      const cap = Math.min(bounds.maxStreamBytes, bounds.maxDecodedBytes - census.decodedBytes);
      const out = inflateCapped(data, cap);
      if (out === 'over') {
        const which = cap === bounds.maxStreamBytes ? `a stream decodes to more than ${bounds.maxStreamBytes} bytes` : `streams decode to more than ${bounds.maxDecodedBytes} bytes in all`;
        throw new ReadIssueError('compression_bomb', `${which} (compressed ${end - start} bytes at offset ${start})`);
      }
      if (out === null) break;
      data = out;
      if (i === filters - 1) census.decodedBytes += out.length;
    }
  }
  return census;
}

/** The text between the previous `obj` keyword (or a bounded look-back) and the stream keyword. */
function dictBefore(text: string, at: number): string {
  const from = Math.max(0, at - MAX_DICT_LOOKBACK);
  const window = text.slice(from, at);
  const obj = window.lastIndexOf('obj');
  return obj >= 0 ? window.slice(obj) : window;
}

/** Inflated bytes, 'over' when the output would pass `cap`, null when the data is not zlib (corrupt, encrypted). */
function inflateCapped(data: Buffer, cap: number): Buffer | 'over' | null {
  if (cap <= 0) return 'over';
  try {
    return inflateSync(data, { maxOutputLength: cap, finishFlush: 2 /* Z_SYNC_FLUSH: keep what decodes before a truncation */ });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return 'over';
    return null;
  }
}
