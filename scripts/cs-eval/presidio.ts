import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { GoldSpan } from './tokenMetrics.js';

export const PRESIDIO_PYTHON = process.env.PRESIDIO_PYTHON ?? '.venv-cs-eval/bin/python';

/** Presidio's results for each text (run by scripts/cs-eval/presidio_run.py), or null when its Python environment is missing. */
export function runPresidio(rows: { id: string; text: string }[]): { entities: Map<string, (GoldSpan & { score: number })[]>; seconds: number; loadSeconds: number } | null {
  if (!existsSync(PRESIDIO_PYTHON)) return null;
  const input = rows.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n');
  const res = spawnSync(PRESIDIO_PYTHON, ['scripts/cs-eval/presidio_run.py'], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`presidio_run.py failed (exit ${res.status}): ${res.stderr.slice(-2000)}`);
  const entities = new Map<string, (GoldSpan & { score: number })[]>();
  for (const line of res.stdout.trim().split('\n')) {
    const row = JSON.parse(line) as { id: string; entities: (GoldSpan & { score: number })[] };
    entities.set(row.id, row.entities);
  }
  const stats = JSON.parse(res.stderr.trim().split('\n').pop()!) as { seconds: number; presidio_load_s: number };
  return { entities, seconds: stats.seconds, loadSeconds: stats.presidio_load_s };
}
