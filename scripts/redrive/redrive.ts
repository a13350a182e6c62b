import type { FailureSource } from './failures.js';
import type { Invoker } from './invokers.js';

export interface RedriveResult {
  found: number;
  replayed: number;
  failed: { id: string; error: string }[];
}

/**
 * Replays every failed invocation of a destination, one at a time and in the order found: a replay
 * that succeeds removes the failure from the destination; one that fails stays there, reported.
 */
export async function redrive(source: FailureSource, invoke: Invoker, o: { dryRun?: boolean; log?: (line: string) => void } = {}): Promise<RedriveResult> {
  const log = o.log ?? (() => undefined);
  const result: RedriveResult = { found: 0, replayed: 0, failed: [] };
  for await (const f of source.list()) {
    result.found += 1;
    if (o.dryRun) {
      log(`would replay ${f.id} -> ${f.functionName} (${f.reason})`);
      continue;
    }
    try {
      await invoke(f.functionName, f.functionArn, f.payload);
      await f.done();
      result.replayed += 1;
      log(`replayed ${f.id} -> ${f.functionName}`);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      result.failed.push({ id: f.id, error });
      log(`still failing ${f.id} -> ${f.functionName}: ${error}`);
    }
  }
  return result;
}
