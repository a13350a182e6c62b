import type { KpiResults } from './runKpis.js';

export interface SummaryRow {
  metric: string;
  value: string;
}

const n0 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const n2 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** The handful of numbers worth printing after a run. */
export function summarize(r: KpiResults): SummaryRow[] {
  const t = r.kpis.totals?.[0] ?? {};
  const docs = (r.kpis.documents_by_verdict ?? []).reduce((s, x) => s + num(x.n), 0);
  const quarantined = (r.kpis.documents_by_verdict ?? []).find((x) => x.verdict === 'quarantine')?.n;
  const tx = num(t.transactions);
  return [
    { metric: 'window', value: `${r.window.from} .. ${r.window.to}` },
    { metric: 'transactions', value: n0.format(tx) },
    { metric: 'blocked', value: `${n0.format(num(t.blocked))} (${tx ? ((num(t.blocked) / tx) * 100).toFixed(2) : '0.00'}%)` },
    { metric: 'in review', value: n0.format(num(t.reviewed)) },
    { metric: 'blocked amount', value: n2.format(num(t.blocked_amount)) },
    { metric: 'ttdf p50 / p95 / p99 ms', value: [t.ttdf_p50, t.ttdf_p95, t.ttdf_p99].map((v) => n0.format(num(v))).join(' / ') },
    { metric: 'documents (quarantined)', value: `${n0.format(docs)} (${n0.format(num(quarantined))})` },
    { metric: 'skipped objects / records', value: `${new Set(r.rejected.map((x) => x.object)).size} / ${n0.format(r.rejected.reduce((s, x) => s + x.records, 0))}` },
  ];
}

/** Two aligned columns, for the console. */
export function formatSummary(rows: SummaryRow[]): string {
  const width = Math.max(...rows.map((r) => r.metric.length));
  return rows.map((r) => `${r.metric.padEnd(width)}  ${r.value}`).join('\n');
}
