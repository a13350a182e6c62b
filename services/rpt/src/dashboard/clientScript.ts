/* eslint-disable @typescript-eslint/no-explicit-any */
// Runs in the browser: this function's source is inlined into the dashboard (Function.prototype.toString),
// so it must not reference anything outside its own body except the Chart global.
// The repo compiles without the DOM lib, so the few browser globals used here are declared loosely.
declare const Chart: any;
declare const document: any;
declare const window: any;

/** Draws every chart and table from the embedded KPI results, formatting for the viewer's locale and time zone. */
export function drawDashboard(data: any): void {
  const doc = document;
  const num = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  const num2 = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Millions do not fit a tile: show 34.72M there, the exact amount in the tooltip.
  const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const COLORS: Record<string, string> = { approve: '#2e9d5b', review: '#e3a21a', block: '#d64545', p50: '#3b82f6', p95: '#8b5cf6', p99: '#d64545' };
  const k = data.kpis;
  const rows = (id: string): any[] => k[id] ?? [];
  const set = (sel: string, text: string) => { const el = doc.querySelector(sel); if (el) el.textContent = text; };

  set('#tz', Intl.DateTimeFormat().resolvedOptions().timeZone);
  set('#window', `${dateTime.format(new Date(data.window.from))} – ${dateTime.format(new Date(data.window.to))}`);
  set('#generated', dateTime.format(new Date(data.generatedAt)));

  const t = rows('totals')[0] ?? {};
  const docs = rows('documents_by_verdict').reduce((s: number, r: any) => s + r.n, 0);
  const skipped = data.rejected.reduce((s: number, r: any) => s + r.records, 0);
  const tiles: [string, number, string][] = [
    ['transactions', t.transactions ?? 0, num.format(t.transactions ?? 0)],
    ['blocked', t.blocked ?? 0, num.format(t.blocked ?? 0)],
    ['block_rate', t.transactions ? t.blocked / t.transactions : 0, pct.format(t.transactions ? t.blocked / t.transactions : 0)],
    ['blocked_amount', t.blocked_amount ?? 0, (t.blocked_amount ?? 0) >= 1e6 ? compact.format(t.blocked_amount) : num2.format(t.blocked_amount ?? 0)],
    ['reviewed', t.reviewed ?? 0, num.format(t.reviewed ?? 0)],
    ['ttdf_p95', t.ttdf_p95 ?? 0, `${num.format(t.ttdf_p95 ?? 0)} ms`],
    ['documents', docs, num.format(docs)],
    ['skipped', skipped, num.format(skipped)],
  ];
  for (const [id, value, text] of tiles) {
    const el = doc.querySelector(`[data-kpi="${id}"]`) as any;
    if (!el) continue;
    el.dataset.value = String(value);
    el.title = id === 'blocked_amount' ? num2.format(value) : text;
    (el.querySelector('.value') as any).textContent = text;
  }

  // Time ticks at round local-time steps (1 min ... 6 h), so the axis reads like a clock in the viewer's zone.
  const timeAxis = (stepUnit: number) => ({
    type: 'linear',
    min: Date.parse(data.window.from),
    max: Date.parse(data.window.to),
    grid: { color: '#eef0f3' },
    afterBuildTicks: (axis: any) => {
      const span = axis.max - axis.min;
      const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720].map((m) => m * 60_000);
      const most = Math.max(3, Math.floor((axis.chart.width ?? 600) / 80));
      const step = Math.max(stepUnit, steps.find((s) => span / s <= most) ?? steps[steps.length - 1]!);
      const offset = new Date(axis.min).getTimezoneOffset() * 60_000;
      const ticks = [];
      for (let v = Math.ceil((axis.min - offset) / step) * step + offset; v <= axis.max; v += step) ticks.push({ value: v });
      axis.ticks = ticks;
    },
    ticks: { callback: (v: number) => time.format(new Date(v)), maxRotation: 0 },
  });
  const empty = (id: string) => { const c = doc.querySelector(`[data-chart="${id}"]`); if (c) c.classList.add('empty'); };
  const chart = (id: string, config: any, points: number) => {
    const card = doc.querySelector(`[data-chart="${id}"]`) as any;
    if (!card) return;
    card.dataset.points = String(points);
    if (points === 0) { empty(id); return; }
    config.options = { responsive: true, maintainAspectRatio: false, animation: false, parsing: true,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } }, ...config.options };
    new Chart(card.querySelector('canvas'), config);
  };

  const outcomes = ['approve', 'review', 'block'];
  const perMinute = rows('outcomes_per_minute');
  chart('outcomes_per_minute', {
    type: 'line',
    // Stacked areas: each outcome fills down to the one below it, so the top line is the total.
    data: { datasets: outcomes.map((o, i) => ({ label: o, borderColor: COLORS[o], backgroundColor: `${COLORS[o]}55`, fill: i === 0 ? 'origin' : '-1', pointRadius: 0, borderWidth: 1.5,
      data: perMinute.filter((r: any) => r.outcome === o).map((r: any) => ({ x: r.minute, y: r.n })) })) },
    options: { scales: { x: timeAxis(60_000), y: { stacked: true, beginAtZero: true, title: { display: true, text: 'transactions / min' } } } },
  }, perMinute.length);

  const ttdf = rows('ttdf_percentiles');
  chart('ttdf_percentiles', {
    type: 'line',
    data: { datasets: ['p50', 'p95', 'p99'].map((p) => ({ label: p, borderColor: COLORS[p], pointRadius: 0, borderWidth: 1.5, data: ttdf.map((r: any) => ({ x: r.minute, y: r[p] })) })) },
    options: { scales: { x: timeAxis(60_000), y: { beginAtZero: true, title: { display: true, text: 'ms' } } } },
  }, ttdf.length);

  const amount = rows('blocked_amount_per_hour');
  chart('blocked_amount_per_hour', {
    type: 'bar',
    data: { labels: amount.map((r: any) => time.format(new Date(r.hour))), datasets: [{ label: 'blocked amount', backgroundColor: COLORS.block, data: amount.map((r: any) => r.amount) }] },
    options: { scales: { y: { beginAtZero: true, ticks: { callback: (v: number) => num.format(v) } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c: any) => num2.format(c.parsed.y) } } } },
  }, amount.length);

  const scores = rows('score_distribution');
  const buckets = [...new Set(scores.map((r: any) => r.bucket))].sort((a: any, b: any) => a - b);
  chart('score_distribution', {
    type: 'bar',
    data: { labels: buckets.map((b: any) => `${b}–${b + 49}`), datasets: outcomes.map((o) => ({ label: o, backgroundColor: COLORS[o],
      data: buckets.map((b) => scores.find((r: any) => r.bucket === b && r.outcome === o)?.n ?? 0) })) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
  }, scores.length);

  const rate = (id: string, key: string, horizontal: boolean) => {
    const r = rows(id);
    chart(id, {
      type: 'bar',
      data: { labels: r.map((x: any) => x[key]), datasets: [{ label: 'block rate', backgroundColor: COLORS.block, data: r.map((x: any) => x.block_rate) }] },
      options: { indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c: any) => `${pct.format(horizontal ? c.parsed.x : c.parsed.y)} (${num.format(r[c.dataIndex].blocked)} of ${num.format(r[c.dataIndex].total)})` } } },
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { callback: (v: number) => pct.format(v) } },
          [horizontal ? 'y' : 'x']: { ticks: { autoSkip: false, font: { size: 11 } } } } },
    }, r.length);
  };
  rate('block_rate_by_category', 'category', true);
  rate('block_rate_by_state', 'state', false);

  const verdicts = rows('documents_by_verdict');
  const VERDICT_COLORS: Record<string, string> = { clean: '#2e9d5b', pii: '#e3a21a', quarantine: '#d64545' };
  chart('documents_by_verdict', {
    type: 'doughnut',
    data: { labels: verdicts.map((r: any) => r.verdict), datasets: [{ data: verdicts.map((r: any) => r.n), backgroundColor: verdicts.map((r: any) => VERDICT_COLORS[r.verdict] ?? '#94a3b8') }] },
    options: { plugins: { legend: { position: 'right' } } },
  }, verdicts.length);

  const simpleBar = (id: string, key: string, color: string) => {
    const r = rows(id);
    chart(id, { type: 'bar', data: { labels: r.map((x: any) => x[key]), datasets: [{ label: 'count', backgroundColor: color, data: r.map((x: any) => x.n) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false } } } } }, r.length);
  };
  simpleBar('entity_types', 'entity_type', '#8b5cf6');
  simpleBar('quarantine_reasons', 'reason', '#d64545');

  const fill = (tableId: string, data: any[], cells: ((r: any) => string)[]) => {
    const body = doc.querySelector(`#${tableId} tbody`) as any;
    for (const r of data) {
      const tr = doc.createElement('tr');
      for (const c of cells) { const td = doc.createElement('td'); td.textContent = c(r); tr.appendChild(td); }
      body.appendChild(tr);
    }
    if (data.length === 0) body.innerHTML = '<tr><td colspan="9" class="muted">none</td></tr>';
  };
  fill('latest-blocked', rows('latest_blocked'), [(r) => dateTime.format(new Date(r.time)), (r) => r.event_id, (r) => num2.format(r.amount),
    (r) => r.category, (r) => r.state, (r) => num.format(r.score), (r) => r.email]);
  fill('rejected', data.rejected, [(r) => r.object, (r) => r.reason, (r) => num.format(r.records)]);
  window.dashboardReady = true;
}
