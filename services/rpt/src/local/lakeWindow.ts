import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LAKE_TABLES } from '../schema/lakeTables.js';
import type { ReportWindow } from '../sql/lakeRelations.js';

const DAY_MS = 86_400_000;
const DT = /^dt=(\d{4}-\d{2}-\d{2})$/;

/**
 * A window holding every row of the local lake: from the start of its first `dt=` day (transactions
 * or findings) to now plus a second (or the end of its last day, if that lies ahead). Each `npm start`
 * simulates the days before now, so "the last 24 hours" would show only part of what was just written;
 * the local report shows the lake whole. An empty lake gives the last `emptyHours` hours.
 */
export async function wholeLakeWindow(lakeDir: string, now = new Date(), emptyHours = 24): Promise<ReportWindow> {
  const days: string[] = [];
  for (const table of LAKE_TABLES) {
    for (const name of await readdir(join(lakeDir, table.prefix)).catch(() => [] as string[])) {
      const day = DT.exec(name)?.[1];
      if (day && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))) days.push(day);
    }
  }
  const to = new Date(now.getTime() + 1000);
  if (days.length === 0) return { from: new Date(now.getTime() - emptyHours * 3_600_000), to };
  days.sort();
  const lastEnd = Date.parse(`${days.at(-1)}T00:00:00Z`) + DAY_MS;
  const today = now.toISOString().slice(0, 10);
  return { from: new Date(`${days[0]}T00:00:00Z`), to: days.at(-1)! > today ? new Date(Math.max(to.getTime(), lastEnd)) : to };
}
