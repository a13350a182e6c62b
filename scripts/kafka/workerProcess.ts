import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** One line a worker printed per handled batch or assignment (see worker.ts). */
export interface BatchLine {
  role: 'score' | 'act';
  received?: number;
  scored?: number;
  deadLettered?: number;
  written?: number;
  alerts?: number;
  started?: boolean;
  assigned?: number[];
}

// For profiling and debugging: SFC_WORKER_NODE_OPTIONS is passed to each worker's node (for example
// "--cpu-prof --cpu-prof-dir=/tmp/prof"), and SFC_WORKER_STDERR=1 shows the workers' stderr.
const nodeFlags = (process.env.SFC_WORKER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);

/** Workers still running: killed when this process exits, so none outlives a failed test or bench. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A score or act worker in its own process, as its own Lambda function would be. */
export class Worker {
  readonly lines: BatchLine[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private stderr = '';

  constructor(role: 'score' | 'act', env: NodeJS.ProcessEnv, args: string[] = []) {
    this.child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'scripts/kafka/worker.ts', role, ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (buffered + chunk.toString()).split('\n');
      buffered = parts.pop()!;
      for (const line of parts) if (line.startsWith('{"role"')) this.lines.push(JSON.parse(line) as BatchLine);
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      if (process.env.SFC_WORKER_STDERR) process.stderr.write(chunk);
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
    });
    live.add(this.child);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => (live.delete(this.child), resolve(code))));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Sum of one field over the batches handled so far. */
  sum(field: 'received' | 'scored' | 'deadLettered' | 'written' | 'alerts'): number {
    return this.lines.reduce((n, l) => n + (l[field] ?? 0), 0);
  }

  get lastError(): string {
    return this.stderr;
  }

  /** SIGTERM: the worker finishes the batch in hand, commits and leaves its group. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }

  /** SIGKILLs every worker still running (after a failed test). */
  static async killAll(): Promise<void> {
    const running = [...live];
    for (const child of running) child.kill('SIGKILL');
    await Promise.all(running.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)))));
  }

  /** SIGKILL: the process dies wherever it is, like a crashed Lambda container. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

/** Polls `done` every `everyMs` until it holds, failing with `describe()` after `timeoutMs`. */
export async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits until none of `workers` has handled a batch for `quietMs` (the stream has drained). */
export async function settled(workers: Worker[], quietMs = 3_000): Promise<void> {
  let count = -1;
  let since = Date.now();
  for (;;) {
    const now = workers.reduce((n, w) => n + w.lines.length, 0);
    if (now !== count) [count, since] = [now, Date.now()];
    if (Date.now() - since >= quietMs) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
