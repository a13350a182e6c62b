import { createReadStream, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LakeLabelSchema } from '@sfc/shared';
import type { AfdRow } from '../afd/eventReader.js';
import { parseLabelCsv } from '../cases/labelCsv.js';

interface Latest {
  label: 0 | 1;
  time: number;
  matched: boolean;
}

export interface LabelMergeSummary {
  /** Where the labels came from (folders of lake labels, label CSVs). */
  sources: string[];
  /** Labels read (rows), and the events they name (an event labelled twice counts once: its latest label). */
  read: number;
  events: number;
  /** Rows of the events file whose event has a label here. */
  matched: number;
  /** Of those, rows whose training label the merge changed (a label the row did not have, or another one). */
  changed: number;
  /** Rows whose own label was as late or later: kept. */
  kept: number;
  /** Labelled events not in the events file: their number and the first few ids. */
  unmatched: number;
  unmatchedIds: string[];
  /** Lines that are not labels (the rest are read), and the first few with where and why. */
  badLines: number;
  bad: { where: string; reason: string }[];
}

const FIRST = 5;

async function lakeFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...await lakeFiles(path));
    else if (e.isFile()) out.push(path);
  }
  return out.sort();
}

/**
 * Labels kept apart from the events file (the lake's `labels/dt=<day>/` rows the label function writes,
 * or AFD label CSVs: EVENT_ID, EVENT_LABEL, LABEL_TIMESTAMP) merged into training's events by
 * EVENT_ID, as Amazon Fraud Detector keeps an event's labels: the latest LABEL_TIMESTAMP wins. Memory:
 * one Map entry per labelled event (an id and two numbers, about 100-200 bytes), whatever the number
 * of events trained on; the lake's files are read a line at a time.
 */
export class LabelMerge {
  private readonly latest = new Map<string, Latest>();
  private readonly s: Omit<LabelMergeSummary, 'events' | 'unmatched' | 'unmatchedIds'> = { sources: [], read: 0, matched: 0, changed: 0, kept: 0, badLines: 0, bad: [] };

  /** Reads each path: a folder (every file under it, lake label rows, one JSON per line) or an AFD label CSV. */
  static async load(paths: string[]): Promise<LabelMerge> {
    const m = new LabelMerge();
    for (const p of paths) {
      let isDir: boolean;
      try { isDir = statSync(p).isDirectory(); } catch { throw new Error(`--labels ${p}: no such file or folder`); }
      m.s.sources.push(p);
      if (isDir) for (const f of await lakeFiles(p)) await m.readLake(f);
      else m.readCsv(p);
    }
    return m;
  }

  private add(eventId: string, label: 'fraud' | 'legit', time: string): void {
    this.s.read += 1;
    const t = Date.parse(time);
    const had = this.latest.get(eventId);
    // The latest wins; at the same instant fraud wins, as in the backtest and rpt's KPIs.
    if (!had || t > had.time || (t === had.time && label === 'fraud')) this.latest.set(eventId, { label: label === 'fraud' ? 1 : 0, time: t, matched: false });
  }

  private async readLake(file: string): Promise<void> {
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() === '') continue;
      let json: unknown;
      try { json = JSON.parse(text); } catch { this.bad(`${file}:${line}`, 'not JSON'); continue; }
      const r = LakeLabelSchema.safeParse(json);
      if (!r.success) { this.bad(`${file}:${line}`, r.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ')); continue; }
      this.add(r.data.event_id, r.data.label, r.data.label_time);
    }
  }

  private readCsv(file: string): void {
    const { rows, bad } = parseLabelCsv(readFileSync(file, 'utf8'));
    for (const b of bad) this.bad(`${file}:${b.line}`, b.reason);
    for (const r of rows) this.add(r.eventId, r.label, r.labelTime);
  }

  private bad(where: string, reason: string): void {
    this.s.badLines += 1;
    if (this.s.bad.length < FIRST) this.s.bad.push({ where, reason });
  }

  get size(): number {
    return this.latest.size;
  }

  /**
   * Gives the row its event's merged label when that label is later than the row's own LABEL_TIMESTAMP
   * (or as late, and fraud)
   * (a row labelled without one counts as labelled at its event time; an unlabelled row takes any).
   * `count`: this pass is the one counted (training reads the file twice).
   */
  apply(row: AfdRow, count: boolean): void {
    const l = this.latest.get(row.eventId);
    if (!l) return;
    const own = row.label === null ? Number.NEGATIVE_INFINITY : Number.isNaN(row.labelTime) ? row.time : row.labelTime;
    if (count) { l.matched = true; this.s.matched += 1; }
    // Later than the row's own label wins; at the same instant fraud wins (the backtest's and rpt's rule).
    if (!(l.time > own || (l.time === own && l.label === 1 && row.label !== 1))) {
      if (count) this.s.kept += 1;
      return;
    }
    if (count && row.label !== l.label) this.s.changed += 1;
    row.label = l.label;
    row.labelTime = l.time;
  }

  summary(): LabelMergeSummary {
    const unmatched = [...this.latest].filter(([, l]) => !l.matched).map(([id]) => id);
    return { ...this.s, events: this.latest.size, unmatched: unmatched.length, unmatchedIds: unmatched.slice(0, FIRST) };
  }
}

/** The summary as train:fraud prints it. */
export function describeMerge(s: LabelMergeSummary): string {
  const lines = [
    `labels merged from ${s.sources.join(', ')}: ${s.read.toLocaleString('en-US')} read (${s.events.toLocaleString('en-US')} events), ${s.matched.toLocaleString('en-US')} matched, ${s.changed.toLocaleString('en-US')} changed a label, ${s.kept.toLocaleString('en-US')} older than the file's label (kept), ${s.unmatched.toLocaleString('en-US')} unmatched${s.unmatched ? ` (${s.unmatchedIds.join(', ')}${s.unmatched > s.unmatchedIds.length ? ', ...' : ''})` : ''}`,
  ];
  if (s.badLines) lines.push(`  ${s.badLines.toLocaleString('en-US')} lines are not labels, skipped: ${s.bad.map((b) => `${b.where}: ${b.reason}`).join('; ')}${s.badLines > s.bad.length ? '; ...' : ''}`);
  return lines.join('\n');
}
