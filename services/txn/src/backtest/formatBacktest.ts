import { OUTCOMES } from '@sfc/shared';
import type { BacktestResult, Counts } from './runBacktest.js';

/** A text table with right-aligned numbers. */
function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n');
}

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const stats = (c: Counts) => [c.matches, c.fraud, c.legit, c.unlabelled, pct(c.precision), pct(c.recall)];
const STATS = ['matches', 'fraud', 'legit', 'unlabelled', 'precision', 'recall'];

/** The backtest as readable tables: decisions per day, rules, outcomes, and the difference from live. */
export function formatBacktest(title: string, r: BacktestResult): string {
  const skipped = r.rejected.reduce((s, x) => s + x.records, 0);
  const out = [
    `${title}: ${r.rows} transactions from ${r.window.from} to ${r.window.to} (${r.mode})${skipped > 0 ? `; ${skipped} rows left out (they break the lake schema)` : ''}`,
    `labels: ${r.labels.fraud} fraud, ${r.labels.legit} legit, ${r.labels.unlabelled} unlabelled (precision = fraud / labelled matches; recall = its frauds / all ${r.labels.fraud} labelled frauds)`,
    '',
    'decisions per day (backtest; live in brackets)',
    table(['day', ...OUTCOMES], r.perDay.map((d) => [d.day, ...OUTCOMES.map((o) => `${d.backtest[o]} (${d.live[o]})`)])),
    '',
    'rules (matched as the evaluator reports them)',
    table(['rule', 'outcome', ...STATS], r.perRule.map((x) => [`${x.ruleId}:${x.ruleVersion}`, x.outcome, ...stats(x)])),
    '',
    'outcomes',
    table(['outcome', ...STATS], [...r.perOutcome.map((x) => [`backtest ${x.outcome}`, ...stats(x)]), ...r.livePerOutcome.map((x) => [`live ${x.outcome}`, ...stats(x)])]),
    '',
    'backtest (rows) x live fd.outcome (columns)',
    table(['backtest \\ live', ...OUTCOMES], OUTCOMES.map((b) => [b, ...OUTCOMES.map((l) => r.versusLive[b][l])])),
    '',
    'live detector versions (fd.detector_version)',
    table(['version', 'rows', 'decided otherwise'], r.liveVersions.map((v) => [v.version || '(none: thresholds / DETECTOR_FILE)', v.rows, v.changed])),
  ];
  if (r.rejected.length > 0) out.push('', 'rows left out', table(['reason', 'rows'], r.rejected.map((x) => [x.reason, x.records])));
  return out.join('\n');
}
