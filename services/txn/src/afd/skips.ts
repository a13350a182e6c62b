/** A run that skipped more than its allowed share of rows (or all of them). */
export class SkippedRowsError extends Error {
  override name = 'SkippedRowsError';
}

/**
 * Every row a reader leaves out, counted by column and reason with the first lines where it happened,
 * so nothing disappears silently; `check` fails a run that skipped more than it may.
 */
export class SkipSummary {
  private readonly byReason = new Map<string, { column: string; reason: string; count: number; lines: number[]; example: string }>();
  skipped = 0;

  /** Records that row `line` was left out because of `column`: `reason` (`example`: the offending value). */
  add(line: number, column: string, reason: string, example = ''): void {
    const key = `${column}\u0000${reason}`;
    let entry = this.byReason.get(key);
    if (!entry) this.byReason.set(key, (entry = { column, reason, count: 0, lines: [], example: example.length > 40 ? `${example.slice(0, 40)}...` : example }));
    entry.count += 1;
    if (entry.lines.length < 3) entry.lines.push(line);
    this.skipped += 1;
  }

  /** One line per column and reason, most frequent first. */
  lines(): string[] {
    return [...this.byReason.values()]
      .sort((a, b) => b.count - a.count)
      .map((e) => `${e.count.toLocaleString('en-US')} row(s): ${e.column}: ${e.reason}${e.example ? ` (e.g. "${e.example}")` : ''}, line${e.lines.length > 1 ? 's' : ''} ${e.lines.join(', ')}${e.count > e.lines.length ? ', ...' : ''}`);
  }

  toJSON(): { column: string; reason: string; count: number; first_lines: number[]; example: string }[] {
    return [...this.byReason.values()].map((e) => ({ column: e.column, reason: e.reason, count: e.count, first_lines: e.lines, example: e.example }));
  }

  /** Throws when every row was skipped, or more than `maxShare` of `total`. */
  check(file: string, total: number, maxShare: number): void {
    if (this.skipped === 0) return;
    const share = this.skipped / Math.max(total, 1);
    const detail = `\n  ${this.lines().join('\n  ')}`;
    if (this.skipped >= total) throw new SkippedRowsError(`${file}: all ${total.toLocaleString('en-US')} rows were skipped:${detail}`);
    if (share > maxShare) {
      throw new SkippedRowsError(`${file}: ${this.skipped.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows skipped (${(100 * share).toFixed(1)}%, more than the allowed ${(100 * maxShare).toFixed(1)}%; set --max-skipped to accept more):${detail}`);
    }
  }
}
