import { closeSync, openSync, writeSync } from 'node:fs';

/** Lines to a file (or stdout), buffered and written synchronously: bounded memory at any size. */
export class OutputLines {
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
    writeSync(this.fd, `${this.parts.join('\n')}\n`);
    this.parts = [];
    this.bytes = 0;
  }
}
