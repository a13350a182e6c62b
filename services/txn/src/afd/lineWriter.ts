import { closeSync, openSync, writeSync } from 'node:fs';

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Lines to a file (or stdout), buffered and written synchronously: bounded memory at any size, no
 * stream backpressure to manage. Used by the time sort's runs and by `npm run score:fraud`'s output.
 */
export class LineWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private bytes = 0;

  constructor(file?: string) {
    this.fd = file ? openSync(file, 'w') : 1;
  }

  write(line: string): void {
    this.parts.push(line);
    this.bytes += line.length + 1;
    if (this.bytes > 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    if (this.fd !== 1) closeSync(this.fd);
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const bytes = Buffer.from(`${this.parts.join('\n')}\n`);
    this.parts = [];
    this.bytes = 0;
    // A non-blocking pipe (stdout when a parent process reads it) takes part of a buffer at a time or
    // none (EAGAIN): write the rest until all of it is out, so no line is ever lost.
    for (let at = 0; at < bytes.length;) {
      try {
        at += writeSync(this.fd, bytes, at);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        Atomics.wait(PAUSE, 0, 0, 1); // the reader has not caught up: wait a millisecond, synchronously
      }
    }
  }
}
