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
  // Every time is shown in UTC, the zone of the window, the lake's dt days and the label days.
  const TZ = 'UTC';
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: TZ });
  const date = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: TZ });
  const dateTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: TZ });
  const COLORS: Record<string, string> = { approve: '#2e9d5b', review: '#e3a21a', block: '#d64545', p50: '#3b82f6', p95: '#8b5cf6', p99: '#d64545' };
  const k = data.kpis;
  const rows = (id: string): any[] => k[id] ?? [];
  const set = (sel: string, text: string) => { const el = doc.querySelector(sel); if (el) el.textContent = text; };

  set('#tz', TZ);
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

  // Ticks at round UTC steps (1 min ... 7 days); each tick reads as a time, and the first tick of
  // the axis and of every new day carries its date too, so no axis is a row of bare clock times.
  const DAY = 86_400_000;
  const timeAxis = (stepUnit: number, title: string) => ({
    type: 'linear',
    min: Date.parse(data.window.from),
    max: Date.parse(data.window.to),
    grid: { color: '#eef0f3' },
    title: { display: true, text: `${title} (UTC)` },
    afterBuildTicks: (axis: any) => {
      const span = axis.max - axis.min;
      const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((m) => m * 60_000);
      const most = Math.max(3, Math.floor((axis.chart.width ?? 600) / 90));
      const step = Math.max(stepUnit, steps.find((s) => span / s <= most) ?? steps[steps.length - 1]!);
      const ticks = [];
      for (let v = Math.ceil(axis.min / step) * step; v <= axis.max; v += step) ticks.push({ value: v });
      axis.ticks = ticks;
    },
    ticks: {
      maxRotation: 0,
      callback: (v: number, i: number, ticks: any[]) => {
        const prev = i > 0 ? ticks[i - 1].value : undefined;
        const newDay = prev === undefined || Math.floor(prev / DAY) !== Math.floor(v / DAY);
        if (v % DAY === 0 || stepUnit >= DAY) return date.format(new Date(v));
        return newDay ? [time.format(new Date(v)), date.format(new Date(v))] : time.format(new Date(v));
      },
    },
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
    options: { scales: { x: timeAxis(60_000, 'minute'), y: { stacked: true, beginAtZero: true, title: { display: true, text: 'transactions / min' } } } },
  }, perMinute.length);

  const ttdf = rows('ttdf_percentiles');
  chart('ttdf_percentiles', {
    type: 'line',
    data: { datasets: ['p50', 'p95', 'p99'].map((p) => ({ label: p, borderColor: COLORS[p], pointRadius: 0, borderWidth: 1.5, data: ttdf.map((r: any) => ({ x: r.minute, y: r[p] })) })) },
    options: { scales: { x: timeAxis(60_000, 'minute'), y: { beginAtZero: true, title: { display: true, text: 'ms' } } } },
  }, ttdf.length);

  const amount = rows('blocked_amount_per_hour');
  chart('blocked_amount_per_hour', {
    type: 'bar',
    // Each bar centred in its hour, on the same dated time axis as the other charts.
    data: { datasets: [{ label: 'blocked amount', backgroundColor: COLORS.block, barPercentage: 1, categoryPercentage: 0.9,
      data: amount.map((r: any) => ({ x: r.hour + 1_800_000, y: r.amount })) }] },
    options: { scales: { x: timeAxis(3_600_000, 'hour'), y: { beginAtZero: true, ticks: { callback: (v: number) => num.format(v) } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: (c: any) => dateTime.format(new Date(c[0].parsed.x - 1_800_000)), label: (c: any) => num2.format(c.parsed.y) } } } },
  }, amount.length);

  // Score distribution: counts on a log scale (the review and block bands hold a few percent of the
  // rows, invisible on a linear one), one bar per outcome and band of 50, so every bar is coloured by
  // the outcome that was decided: right for detector versions, whose rules need not follow the score.
  // Where the thresholds decided, their bands are shaded from the lowest score each rule matched at.
  const scores = rows('score_distribution');
  const seen = rows('score_thresholds')[0] ?? {};
  const bands: { from: number; to: number; outcome: string }[] = [];
  if (seen.review_from != null) bands.push({ from: seen.review_from, to: seen.block_from ?? 1001, outcome: 'review' });
  if (seen.block_from != null) bands.push({ from: seen.block_from, to: 1001, outcome: 'block' });
  const bandCard = doc.querySelector('[data-chart="score_distribution"]') as any;
  if (bandCard) {
    bandCard.dataset.bands = bands.map((b) => `${b.outcome}>=${b.from}`).join(' ');
    const note = bandCard.querySelector('.bands');
    if (note) note.textContent = bands.length
      ? `Shaded: ${bands.map((b) => `${b.outcome} from ${num.format(b.from)}`).join(', ')} (lowest score each threshold rule matched, ${num.format(seen.without_version)} rows decided without a detector version).`
      : 'No row in the window was decided by the thresholds: bands are the outcomes\' colours.';
  }
  const bandPlugin = {
    id: 'scoreBands',
    beforeDatasetsDraw: (c: any) => {
      const { ctx, chartArea: a, scales } = c;
      for (const b of bands) {
        const x0 = scales.x.getPixelForValue(b.from);
        const x1 = Math.min(a.right, scales.x.getPixelForValue(b.to));
        ctx.save();
        ctx.fillStyle = `${COLORS[b.outcome]}22`;
        ctx.fillRect(x0, a.top, x1 - x0, a.bottom - a.top);
        ctx.strokeStyle = COLORS[b.outcome];
        ctx.setLineDash([4, 3]);
        ctx.beginPath(); ctx.moveTo(x0, a.top); ctx.lineTo(x0, a.bottom); ctx.stroke();
        ctx.fillStyle = COLORS[b.outcome];
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillText(`${b.outcome} ≥ ${b.from}`, x0 + 3, a.top + 11 + 13 * bands.indexOf(b));
        ctx.restore();
      }
    },
  };
  chart('score_distribution', {
    type: 'bar',
    plugins: [bandPlugin],
    data: { datasets: outcomes.map((o) => ({ label: o, backgroundColor: COLORS[o], barPercentage: 1, categoryPercentage: 0.9,
      data: scores.filter((r: any) => r.outcome === o).map((r: any) => ({ x: r.bucket + 25, y: r.n })) })) },
    options: { scales: {
      x: { type: 'linear', min: 0, max: 1000, ticks: { stepSize: 100, maxRotation: 0 }, title: { display: true, text: 'risk score (bands of 50)' } },
      y: { type: 'logarithmic', min: 1, title: { display: true, text: 'transactions (log scale)' }, ticks: { callback: (v: number) => (/^10*$/.test(String(v)) ? num.format(v) : '') } } },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { title: (c: any) => `score ${c[0].parsed.x - 25}–${c[0].parsed.x + 24}` } } } },
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

  // Review queue (issue 22), from the lake: every review creates a case, so reviews are cases.
  const q = rows('review_queue')[0] ?? {};
  const labelsTo = Date.parse(data.window.labelsTo);
  const ageMs = q.oldest_open_time == null ? null : Math.max(0, labelsTo - q.oldest_open_time);
  const duration = (ms: number) => {
    const m = Math.floor(ms / 60_000);
    const d = Math.floor(m / 1440), h = Math.floor((m % 1440) / 60), min = m % 60;
    return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${min} min` : `${min} min`;
  };
  const share = (v: any) => (v == null ? '–' : pct.format(v));
  const queueTiles: [string, any, string][] = [
    ['reviews', q.reviews ?? 0, num.format(q.reviews ?? 0)],
    ['decided', q.decided ?? 0, num.format(q.decided ?? 0)],
    ['open', q.open ?? 0, num.format(q.open ?? 0)],
    ['oldest_open_age', ageMs ?? '', ageMs == null ? 'none open' : duration(ageMs)],
    ['decided_fraud_share', q.decided_fraud_share ?? '', share(q.decided_fraud_share)],
    ['fraud_share', q.fraud_share ?? '', share(q.fraud_share)],
  ];
  for (const [id, value, text] of queueTiles) {
    const el = doc.querySelector(`[data-queue="${id}"]`) as any;
    if (!el) continue;
    el.dataset.value = String(value);
    (el.querySelector('.value') as any).textContent = text;
  }
  set('#labels-to', dateTime.format(new Date(labelsTo)));

  const perDay = rows('review_decisions_per_day');
  const sources = [...new Set(perDay.map((r: any) => r.source))].sort();
  const SOURCE_COLORS: Record<string, string> = { analyst: '#3b82f6', import: '#8b5cf6' };
  // One bar slot per UTC label day from the first to the last, empty days included, each labelled with its date.
  const dayList: number[] = [];
  if (perDay.length) for (let d = Math.min(...perDay.map((r: any) => r.day)); d <= Math.max(...perDay.map((r: any) => r.day)); d += DAY) dayList.push(d);
  chart('review_decisions_per_day', {
    type: 'bar',
    // Label days run past the window (labels come later), so this axis spans the label days.
    data: { labels: dayList.map((d) => date.format(new Date(d))),
      datasets: sources.map((src: any, i: number) => ({ label: src, backgroundColor: SOURCE_COLORS[src] ?? ['#94a3b8', '#e3a21a', '#2e9d5b', '#d64545'][i % 4],
        data: dayList.map((d) => perDay.find((r: any) => r.day === d && r.source === src)?.n ?? 0) })) },
    options: { scales: {
      x: { stacked: true, title: { display: true, text: 'label day (UTC)' }, ticks: { maxRotation: 0 } },
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'labels' } } } },
  }, perDay.length);

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
  // Rule hits: one row per rule, the transactions it matched by the outcome they got, most hits first.
  const hits = new Map<string, Record<string, number>>();
  for (const r of rows('rule_hits')) hits.set(r.rule_id, { ...(hits.get(r.rule_id) ?? {}), [r.outcome]: r.n });
  const ruleRows = [...hits].map(([rule, by]) => ({ rule, ...by, total: outcomes.reduce((s2, o) => s2 + (by[o] ?? 0), 0) }))
    .sort((a: any, b: any) => b.total - a.total || (a.rule < b.rule ? -1 : 1));
  fill('rule-hits', ruleRows, [(r) => r.rule, (r) => num.format(r.approve ?? 0), (r) => num.format(r.review ?? 0), (r) => num.format(r.block ?? 0), (r) => num.format(r.total)]);
  fill('detector-versions', rows('detector_versions'), [(r) => (r.detector_version === '(none)' ? '(none: thresholds or DETECTOR_FILE)' : r.detector_version),
    (r) => num.format(r.n), (r) => pct.format(r.share), (r) => dateTime.format(new Date(r.first_seen)), (r) => dateTime.format(new Date(r.last_seen))]);
  fill('rejected', data.rejected, [(r) => r.object, (r) => r.reason, (r) => num.format(r.records)]);

  // Shadow versions (issue 21): per (live, shadow) pair, the rates side by side and the outcome matrix.
  // Precisions carry the number of labelled rows they rest on, marked when fewer than 30.
  const pairs = rows('shadow_versions');
  const shadowed = pairs.reduce((s2: number, r: any) => s2 + r.n, 0);
  set('#shadow-coverage', `${num.format(shadowed)} of ${num.format(t.transactions ?? 0)} transactions in the window`);
  const make = (tag: string, text?: string, cls?: string) => { const e = doc.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const tableOf = (heads: string[], body: any[][], cls: string) => {
    const tb = make('table', undefined, cls);
    const head = make('tr');
    for (const h of heads) head.appendChild(make('th', h));
    tb.appendChild(make('thead')).appendChild(head);
    const tbody = tb.appendChild(make('tbody'));
    for (const cells of body) {
      const tr = tbody.appendChild(make('tr'));
      for (const c of cells) tr.appendChild(typeof c === 'string' ? make('td', c) : c);
    }
    return tb;
  };
  const FEW = 30;
  const onLabels = (value: any, of: number, what: string) => {
    // The count on its own line under the value: `94.6% (of 56 labelled blocks)` as text.
    const td = make('td', value == null ? '– ' : `${pct.format(value)} `, of < FEW ? 'few' : undefined);
    td.appendChild(make('span', value == null ? `(no ${what})` : `(of ${num.format(of)} ${what})`, 'of'));
    td.dataset.value = value == null ? '' : String(value);
    td.dataset.labelled = String(of);
    if (of > 0 && of < FEW) td.title = `only ${of} labelled: read it loosely`;
    return td;
  };
  const box = doc.querySelector('#shadow-pairs') as any;
  for (const p of pairs) {
    const div = box.appendChild(make('div', undefined, 'pair'));
    div.dataset.pair = `${p.live_version}|${p.shadow_version}`;
    const live = p.live_version === '(none)' ? '(none: thresholds)' : p.live_version;
    div.appendChild(make('h3', `${live} live · ${p.shadow_version} shadow`));
    div.appendChild(make('p', `${num.format(p.n)} transactions, ${dateTime.format(new Date(p.first_seen))} – ${dateTime.format(new Date(p.last_seen))} UTC; labelled ${num.format(p.labelled)} (${num.format(p.labelled_fraud)} fraud)`,
      `hint labelled${p.labelled < FEW ? ' few' : ''}`));
    const agreement = make('td', `${pct.format(p.agreement)} (${num.format(p.agreed)} of ${num.format(p.n)})`, 'agreement');
    agreement.dataset.value = String(p.agreement);
    agreement.colSpan = 2;
    div.appendChild(tableOf(['', 'live', 'shadow'], [
      ['Same outcome', agreement],
      ['Block rate', pct.format(p.live_block_rate), pct.format(p.shadow_block_rate)],
      ['Review rate', pct.format(p.live_review_rate), pct.format(p.shadow_review_rate)],
      ['Block precision', onLabels(p.live_block_precision, p.live_blocks_labelled, 'labelled blocks'), onLabels(p.shadow_block_precision, p.shadow_blocks_labelled, 'labelled blocks')],
      ['Review precision', onLabels(p.live_review_precision, p.live_reviews_labelled, 'labelled reviews'), onLabels(p.shadow_review_precision, p.shadow_reviews_labelled, 'labelled reviews')],
      ['Recall (block or review)', onLabels(p.live_recall, p.labelled_fraud, 'labelled frauds'), onLabels(p.shadow_recall, p.labelled_fraud, 'labelled frauds')],
    ], 'rates'));
    const cells = rows('shadow_matrix').filter((m: any) => m.live_version === p.live_version && m.shadow_version === p.shadow_version);
    const count = (l: string, sh: string) => cells.find((m: any) => m.live_outcome === l && m.shadow_outcome === sh)?.n ?? 0;
    div.appendChild(tableOf(['live ↓ · shadow →', ...outcomes], outcomes.map((l) => [l, ...outcomes.map((sh) => {
      const td = make('td', num.format(count(l, sh)), l === sh ? 'agree' : undefined);
      td.dataset.cell = `${l}|${sh}`;
      td.dataset.value = String(count(l, sh));
      return td;
    })]), 'matrix'));
  }
  (doc.querySelector('#shadow-empty') as any).hidden = pairs.length > 0;
  window.dashboardReady = true;
}
