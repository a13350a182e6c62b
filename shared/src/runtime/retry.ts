/** Exponential backoff with full jitter, capped: the delay before attempt `attempt` (1-based). */
export function backoffMs(attempt: number, baseMs = 100, maxMs = 10_000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
