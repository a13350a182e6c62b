import { execFileSync } from 'node:child_process';

/**
 * The processes that launched this one as one job: its ancestors in the same process group
 * (`npm run report` -> sh -> tsx -> node share the group a shell or a spawner gives the job).
 * Stopping npm by its PID forwards SIGTERM only to `sh`, so tsx and this process outlive it; watching
 * the job's ancestors lets this process stop with them. Empty where `ps` is unavailable.
 */
export function launcherChain(): number[] {
  let table: string;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  const rows = new Map<number, { ppid: number; pgid: number }>();
  for (const line of table.split('\n')) {
    const [pid, ppid, pgid] = line.trim().split(/\s+/).map(Number);
    if (pid && ppid !== undefined && pgid !== undefined) rows.set(pid, { ppid, pgid });
  }
  const group = rows.get(process.pid)?.pgid;
  const chain: number[] = [];
  for (let pid = process.ppid; pid > 1 && rows.get(pid)?.pgid === group; pid = rows.get(pid)!.ppid) chain.push(pid);
  return chain;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Calls `stop` once when this process gets SIGINT, SIGTERM or SIGHUP, or when a process that launched
 * it (`chain`, from `launcherChain`: take it at start-up, before the launcher can be gone) or its
 * parent goes away; checks every `intervalMs`. The timer does not keep the process alive on its own.
 */
export function stopWithLauncher(stop: (why: string) => void, chain = launcherChain(), intervalMs = 500): void {
  let stopped = false;
  const once = (why: string) => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    stop(why);
  };
  const parent = chain[0] ?? process.ppid;
  const timer = setInterval(() => {
    const gone = chain.find((pid) => !alive(pid));
    if (gone !== undefined) once(`process ${gone} that launched this one exited`);
    else if (process.ppid !== parent) once(`parent process ${parent} exited`);
  }, intervalMs);
  timer.unref();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => once(signal));
}
