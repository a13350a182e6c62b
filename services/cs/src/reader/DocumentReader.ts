import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { residentBytes } from './processMemory.js';
import type { Issue, OcrSettings, ReadLimits, ReadResponse, ReadResult } from './protocol.js';

// Set by scripts/cs-bundle.ts to the reader bundle's file name beside the handler bundle.
declare const __CS_READER_ENTRY__: string | undefined;

export interface DocumentReaderOptions {
  /** Most resident memory the reader process may use; above it the process is killed (memory_limit). */
  memoryMb: number;
  /** How often the reader's memory is measured. */
  pollMs?: number;
}

const EMPTY_STATS: ReadResult['stats'] = {
  pages: 0, textPages: 0, ocrPages: 0, ocrRegions: 0, ocrConfidence: null, formFields: 0, annotations: 0, attachments: 0, chars: 0, renderedPixels: 0, ocrMs: 0,
};
const failed = (issue: Issue): ReadResult => ({ parts: [], issues: [issue], stats: { ...EMPTY_STATS } });

function readerEntry(): { path: string; execArgv: string[] } {
  if (typeof __CS_READER_ENTRY__ === 'string') return { path: fileURLToPath(new URL(__CS_READER_ENTRY__, import.meta.url)), execArgv: [] };
  // from source (tests, npm start, tsx scripts): the TypeScript entry through tsx's loader
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { path: fileURLToPath(new URL('./readerMain.ts', import.meta.url)), execArgv: ['--import', tsx] };
}

/**
 * Reads documents in a separate Node process with a memory cap and a deadline. The process is
 * started on first use and kept for the next document; when a document makes it exceed its memory,
 * run past the deadline or die, it is killed, the document gets the matching quarantine reason
 * (memory_limit, time_limit, reader_failed), and the next document starts a fresh process.
 */
export class DocumentReader {
  private child: ChildProcess | null = null;
  private ready: Promise<ChildProcess> | null = null;
  private nextId = 1;
  private stderrTail = '';
  /** Highest resident memory of the reader process seen while reading (bytes), for benchmarks. */
  peakBytes = 0;

  constructor(private readonly options: DocumentReaderOptions) {}

  /** Reads `bytes`; never throws for what the document does, only returns issues. */
  async read(bytes: Uint8Array, limits: ReadLimits, ocr: OcrSettings, deadline: number): Promise<ReadResult> {
    const budget = deadline - Date.now();
    if (budget <= 0) return failed({ reason: 'time_limit', detail: 'no time left to read the document' });
    let child: ChildProcess;
    try {
      child = await this.start(budget);
    } catch (err) {
      this.kill();
      if (Date.now() >= deadline) return failed({ reason: 'time_limit', detail: `the reader process did not start within ${budget} ms` });
      return failed({ reason: 'reader_failed', detail: `the reader process did not start: ${(err as Error).message}` });
    }
    const id = this.nextId++;
    return new Promise<ReadResult>((resolve) => {
      const capBytes = this.options.memoryMb * 1024 * 1024;
      let peak = 0;
      const finish = (result: ReadResult, kill: boolean) => {
        clearTimeout(timer);
        clearInterval(poll);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (kill) this.kill();
        resolve(result);
      };
      const onMessage = (m: ReadResponse) => {
        if (m.id !== id) return;
        if (m.ok) finish(m.result, false);
        else finish(failed(classify(m.error)), true);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.child = null;
        this.ready = null;
        const oom = /heap out of memory|Allocation failed|Cannot allocate/i.test(this.stderrTail) || signal === 'SIGKILL';
        finish(failed(oom
          ? { reason: 'memory_limit', detail: `the reader ran out of memory (exit ${code ?? signal})` }
          : { reason: 'reader_failed', detail: `the reader process ended (exit ${code ?? signal})` }), false);
      };
      const timer = setTimeout(() => finish(failed({ reason: 'time_limit', detail: `reading took longer than ${budget} ms` }), true), budget);
      const poll = setInterval(() => {
        const rss = child.pid ? residentBytes(child.pid) : null;
        if (rss === null) return;
        peak = Math.max(peak, rss);
        this.peakBytes = Math.max(this.peakBytes, rss);
        if (rss > capBytes) finish(failed({ reason: 'memory_limit', detail: `the reader used more than ${this.options.memoryMb} MB (${Math.round(rss / 1048576)} MB)` }), true);
      }, this.options.pollMs ?? 50);
      poll.unref();
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, bytes, limits, ocr }, (err) => {
        if (err) finish(failed({ reason: 'reader_failed', detail: `cannot send the document to the reader: ${err.message}` }), true);
      });
    });
  }

  /** Ends the reader process (the next read starts a new one). */
  close(): void {
    this.kill();
  }

  private start(budget: number): Promise<ChildProcess> {
    if (this.ready) return this.ready;
    const entry = readerEntry();
    this.stderrTail = '';
    const child = fork(entry.path, [], {
      execArgv: [...entry.execArgv, `--max-old-space-size=${this.options.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    child.stderr?.on('data', (chunk: Buffer) => { this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4000); });
    this.child = child;
    this.ready = new Promise<ChildProcess>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready after ${budget} ms`)), budget);
      child.once('message', () => { clearTimeout(timer); resolve(child); });
      child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`exited (${code ?? signal}) ${this.stderrTail.slice(-300)}`)); });
    });
    // an idle reader must not keep a CLI or test process alive (its stderr pipe is a handle too)
    child.unref();
    child.channel?.unref?.();
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
    return this.ready;
  }

  private kill(): void {
    const child = this.child;
    this.child = null;
    this.ready = null;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** A failure the reader reported for a document: allocation failures are memory, the rest a reader failure. */
function classify(error: string): Issue {
  if (/RangeError|allocation failed|out of memory|Invalid array length|Array buffer/i.test(error)) return { reason: 'memory_limit', detail: `the reader ran out of memory (${error.slice(0, 200)})` };
  return { reason: 'reader_failed', detail: error.slice(0, 300) };
}
