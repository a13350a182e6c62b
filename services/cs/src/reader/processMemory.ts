import { readFileSync } from 'node:fs';

/** Resident memory of process `pid` in bytes (Linux /proc), or null where that cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}
