import { closeSync, openSync, writeSync } from 'node:fs';

type Typed = Float64Array | Float32Array | Uint8Array | Uint32Array;
type Ctor<T extends Typed> = { new (n: number): T };

/** A typed array that grows as values are appended (one column of the training set's metadata). */
export class Column<T extends Typed> {
  private data: T;
  length = 0;

  constructor(private readonly make: Ctor<T>, initial = 1 << 16) {
    this.data = new make(initial);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new this.make(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  values(): T {
    return this.data.subarray(0, this.length) as T;
  }

  write(file: string): void {
    const fd = openSync(file, 'w');
    const v = this.values();
    writeSync(fd, new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    closeSync(fd);
  }
}

/** Rows of float32 features appended to a file through a fixed buffer: constant memory whatever the row count. */
export class RowWriter {
  private readonly fd: number;
  private readonly buffer: Float32Array;
  private used = 0;
  rows = 0;

  constructor(file: string, readonly width: number, rowsPerFlush = 8192) {
    this.fd = openSync(file, 'w');
    this.buffer = new Float32Array(width * rowsPerFlush);
  }

  /** The slot the next row is written into (offset in `buffer`), then counted. */
  next(): { buffer: Float32Array; offset: number } {
    if (this.used + this.width > this.buffer.length) this.flush();
    const offset = this.used;
    this.used += this.width;
    this.rows += 1;
    return { buffer: this.buffer, offset };
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.used === 0) return;
    writeSync(this.fd, new Uint8Array(this.buffer.buffer, 0, this.used * 4));
    this.used = 0;
  }
}
