import { closeSync, openSync, readSync, statSync } from 'node:fs';

export interface ProgressOptions {
  /** What is counted, e.g. `score:fraud: scoring` and `events`. */
  label: string;
  unit: string;
  /** Milliseconds between lines. */
  everyMs: number;
  write: (line: string) => void;
  now?: () => number;
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const duration = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min` : s >= 90 ? `${Math.round(s / 60)} min` : `${Math.max(1, Math.round(s))} s`);

/**
 * A line every `everyMs` while a long pass runs: the count, the rate and, when the total is known (or
 * estimated: `~`), the share done and the time left. Silent for passes shorter than `everyMs`.
 */
export class Progress {
  private readonly now: () => number;
  private readonly started: number;
  private next: number;

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? (() => performance.now());
    this.started = this.now();
    this.next = this.started + o.everyMs;
  }

  /** `done` of `total` (`estimated`: the total is a guess, shown with `~`). */
  update(done: number, total?: number, estimated = false): void {
    const t = this.now();
    if (t < this.next) return;
    this.next = t + this.o.everyMs;
    this.o.write(this.line(done, total, estimated, t));
  }

  line(done: number, total: number | undefined, estimated: boolean, t = this.now()): string {
    const seconds = (t - this.started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    let text = `${this.o.label}: ${n(done)} ${this.o.unit}`;
    if (total !== undefined && total > 0) {
      const whole = Math.max(total, done);
      text = `${this.o.label}: ${n(done)} of ${estimated ? '~' : ''}${n(whole)} ${this.o.unit} (${Math.floor((100 * done) / whole)}%)`;
      const eta = rate > 0 ? (whole - done) / rate : Number.NaN;
      return `${text}, ${n(rate)}/s, ${Number.isFinite(eta) ? `${estimated ? '~' : ''}${duration(eta)} left` : 'time left unknown'}`;
    }
    return `${text}, ${n(rate)}/s`;
  }
}

/**
 * Progress lines on stderr (stdout stays the tools' results): every 5 s on a terminal, every 30 s
 * otherwise (CI logs show the run is alive without a line per second).
 */
export const stderrProgress = (label: string, unit: string): Progress =>
  new Progress({ label, unit, everyMs: process.stderr.isTTY ? 5_000 : 30_000, write: (l) => process.stderr.write(`${l}\n`) });

/** The rows of a CSV estimated from its size and the line length of its first MiB (for a scan's ETA). */
export function estimateRows(file: string): number {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(size, 1 << 20));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    let lines = 0;
    for (let i = 0; i < read; i++) if (buffer[i] === 10) lines += 1;
    if (read === size) return Math.max(0, lines - (buffer[read - 1] === 10 ? 1 : 0));
    return lines === 0 ? 0 : Math.round((size * lines) / read) - 1;
  } finally {
    closeSync(fd);
  }
}
